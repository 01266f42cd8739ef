// SPDX-License-Identifier: GPL-3.0-or-later
// NTS in the GUI (issue 14), end to end against a real chronyd NTS server (NtsChronyd: CA made at
// test time, NTS-KE on a non-default port, -x): the server dialog's NTS checkbox and key-exchange
// port; the server table's Auth badge and tooltip; the detail pane's section on who vouched for
// the time (certificate chain, expiry, negotiation time, cookies, next key exchange) and an NTS
// failure in words (untrusted CA); the CA setting (NtsTrustDialog, NtsTrustFile) taking effect
// on a running NTS server that was refused.
#include <QCheckBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <QTemporaryDir>

#include "core/config/ntstrustfile.h"
#include "core/engine/enginesession.h"
#include "tests/interop/ntschronyd.h"
#include "ui/dialogs/ntstrustdialog.h"
#include "ui/dialogs/serverdialog.h"
#include "ui/models/servertablemodel.h"
#include "core/texts/reasontexts.h"
#include "ui/serverdetailpane.h"
#include "ui/serverlistcontroller.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using chronoscope::ui::ServerTableModel;

class TestNtsGui : public QObject
{
    Q_OBJECT
private:
    testing::NtsChronyd m_server;

    // A check of one NTS server through a real EngineSession (its own engine thread).
    engine::EngineSnapshot check(const engine::ServerSpec &spec, bool privateCa)
    {
        engine::EngineSession session;
        engine::AssociationOptions options;
        options.maxRequests = 3;
        options.fixedInterval = 0.2;
        options.timeout = 0.5;
        options.ntsTrust = nts::NtsTrust{true, privateCa ? QStringList{m_server.caCertificate()} : QStringList{}};
        session.setOptions(options);
        session.setServers({spec});
        QSignalSpy finished(&session, &engine::EngineSession::finished);
        session.start();
        if (!finished.wait(20000))
            return {};
        return finished.first().first().value<engine::EngineSnapshot>();
    }

    engine::ServerSpec spec() const
    {
        engine::ServerSpec s;
        s.host = u"localhost"_s;
        s.nts = true;
        s.ntsPort = m_server.kePort();
        return s;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }

    void dialogHasNtsAndKePort()
    {
        ui::ServerDialog dialog({});
        auto *nts = dialog.findChild<QCheckBox *>(u"nts"_s);
        auto *port = dialog.findChild<QSpinBox *>(u"ntsPort"_s);
        auto *key = dialog.findChild<QSpinBox *>(u"keyId"_s);
        QVERIFY(nts && port && key);
        QVERIFY(!port->isEnabled());
        config::ConfiguredServer keyed;
        keyed.spec.host = u"time.example"_s;
        keyed.keyId = 4;
        dialog.setServer(keyed);
        nts->click();
        QVERIFY(nts->isChecked());
        QVERIFY(port->isEnabled());
        QVERIFY(!key->isEnabled());   // NTS brings its own keys
        port->setValue(4461);
        const config::ConfiguredServer result = dialog.server();
        QVERIFY(result.spec.nts);
        QCOMPARE(result.spec.ntsPort, quint16(4461));
        QCOMPARE(result.keyId, 0u);
        QVERIFY2(dialog.isAcceptable(), qPrintable(dialog.problem()));
        // And back: an NTS entry opens with its options.
        ui::ServerDialog edit({});
        edit.setServer(result);
        QVERIFY(edit.findChild<QCheckBox *>(u"nts"_s)->isChecked());
        QCOMPARE(edit.findChild<QSpinBox *>(u"ntsPort"_s)->value(), 4461);
        QCOMPARE(edit.server(), result);
    }

    void tableAndDetailPaneShowWhoVouches()
    {
        const engine::EngineSnapshot snapshot = check(spec(), true);
        QCOMPARE(snapshot.servers.size(), 1);
        const engine::ServerStatus &s = snapshot.servers.first();
        QVERIFY2(s.authenticatedReplies == 3, qPrintable(s.reason));

        ServerTableModel model;
        model.setSnapshot(snapshot);
        const QModelIndex auth = model.index(0, ServerTableModel::Auth);
        QCOMPARE(model.data(auth).toString(), u"NTS"_s);
        const QString tip = model.data(auth, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"3 reply(s) authenticated with NTS"_s) && tip.contains(u"localhost:%1"_s.arg(m_server.kePort())),
                 qPrintable(tip));

        ui::ServerDetailPane pane;
        pane.showServer(s, s.lastReplyTime);
        const QString html = pane.ntsText();
        QVERIFY2(html.contains(u"CN=Chronoscope Test CA"_s), qPrintable(html));   // who vouched
        QVERIFY(html.contains(u"CN=localhost"_s));
        QVERIFY(html.contains(u"Keys negotiated"_s));
        QVERIFY(html.contains(u"Next key exchange"_s));
        QVERIFY(html.contains(u"8 of 8"_s));                                       // cookies left
        QVERIFY(html.contains(u"AEAD_AES_SIV_CMAC_256"_s));
        QVERIFY(html.contains(u"No NTS problem so far."_s));
        // A plain server has no NTS section.
        engine::ServerStatus plain = s;
        plain.nts.reset();
        pane.showServer(plain, s.lastReplyTime);
        QVERIFY(pane.ntsText().isEmpty());
    }

    void untrustedCaInWords()
    {
        const engine::EngineSnapshot snapshot = check(spec(), false);
        QCOMPARE(snapshot.servers.size(), 1);
        const engine::ServerStatus &s = snapshot.servers.first();
        QCOMPARE(s.state, engine::ServerState::AuthFailed);
        ServerTableModel model;
        model.setSnapshot(snapshot);
        QCOMPARE(model.data(model.index(0, ServerTableModel::Auth)).toString(), u"NTS · failed"_s);
        QVERIFY(model.data(model.index(0, ServerTableModel::Auth), Qt::ToolTipRole)
                    .toString()
                    .contains(u"not signed by a trusted authority"_s));
        ui::ServerDetailPane pane;
        pane.showServer(s, 0);
        QVERIFY2(pane.ntsText().contains(u"not signed by a trusted authority"_s), qPrintable(pane.ntsText()));
        QCOMPARE(texts::ReasonTexts::rejectText(u"nts_bad_authenticator"_s), u"reply's NTS authenticator is wrong"_s);
    }

    void caSettingTrustsAPrivateCa()
    {
        // Monitoring with the system store only: the key exchange is refused.
        engine::EngineSession session;
        engine::AssociationOptions options;
        options.fixedInterval = 0.2;
        options.timeout = 0.5;
        options.allowFastPolling = true;
        session.setOptions(options);
        ui::ServerListController list;
        list.setSession(&session);
        config::ConfiguredServer server;
        server.spec = spec();
        list.setServers({server});
        session.start();
        const auto stateIs = [&session](engine::ServerState state) {
            return !session.snapshot().servers.isEmpty() && session.snapshot().servers.first().state == state;
        };
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(engine::ServerState::AuthFailed), 10000);
        QCOMPARE(session.snapshot().servers.first().nts->lastFailureId, u"nts_certificate_untrusted"_s);

        // The dialog refuses what cannot be a CA and takes the test CA.
        ui::NtsTrustDialog dialog({});
        QVERIFY(!dialog.addPath(u"/nonexistent/ca.pem"_s));
        QVERIFY(dialog.problem().contains(u"does not exist"_s));
        QVERIFY2(dialog.addPath(m_server.caCertificate()), qPrintable(dialog.problem()));
        QVERIFY(!dialog.addPath(m_server.caCertificate()));   // no duplicates
        QCOMPARE(dialog.paths(), QStringList{m_server.caCertificate()});
        QTemporaryDir dir;
        const config::NtsTrustFile file(dir.filePath(u"nts-ca"_s));
        QVERIFY(!file.save(dialog.paths()));

        // Applied as the GUI does: new trust for the engine, NTS servers negotiate afresh.
        options.ntsTrust.caPaths = *file.load();
        session.setOptions(options);
        list.restartNtsServers();
        QTRY_VERIFY_WITH_TIMEOUT(!session.snapshot().servers.isEmpty()
                                     && session.snapshot().servers.first().authenticatedReplies >= 2,
                                 15000);
        const engine::ServerStatus s = session.snapshot().servers.first();
        QCOMPARE(s.nts->keState, engine::NtsStatus::KeState::Established);
        QCOMPARE(s.nts->certificateIssuer, u"CN=Chronoscope Test CA"_s);
        QCOMPARE(list.indexOf(s), 0);   // the row still maps to its list entry
        session.stop();
    }
};

QTEST_MAIN(TestNtsGui)
#include "tst_ntsgui.moc"
