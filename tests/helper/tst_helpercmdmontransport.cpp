// SPDX-License-Identifier: GPL-3.0-or-later
// HelperCmdmonTransport (issue 15 item 1) against a misbehaving stand-in helper
// (fakereadhelper.cpp, a real child process speaking the time-service frames, HELPER.md §4.5):
// one process for several requests, the client's sequence number restored, and clear errors
// for a refusal, a truncated or oversized reply, another request's reply, a too short cmdmon
// datagram, "not authorised" (exit 127 through pkexec), a missing helper, and a request off the
// helper's whitelist (refused before anything starts). The real helper and a real chronyd:
// tst_systemviahelper and ui_systemserviceviahelper.
#include <QTest>

#include "core/sysservice/chronydclient.h"
#include "core/sysservice/cmdmonmessage.h"
#include "core/sysservice/cmdmonprotocol.h"
#include "core/sysservice/helpercmdmontransport.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using sysservice::ChronydClient;
using sysservice::HelperCmdmonTransport;

class TstHelperCmdmonTransport : public QObject
{
    Q_OBJECT
private:
    static correction::HelperLaunch fake(const QString &mode, bool elevated = false)
    {
        correction::HelperLaunch launch;
        launch.program = qEnvironmentVariable("CHRONOSCOPE_FAKE_READ_HELPER");
        launch.arguments = {mode};
        launch.elevated = elevated;
        return launch;
    }

    // The error of one sourceCount() through the fake in `mode`.
    static QString countError(const QString &mode, bool elevated = false)
    {
        HelperCmdmonTransport transport;
        transport.setLaunchOverride(fake(mode, elevated));
        ChronydClient client(transport);
        const Result<std::uint32_t> count = client.sourceCount();
        return count ? QString() : count.errorMessage();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("CHRONOSCOPE_FAKE_READ_HELPER").isEmpty(), "CHRONOSCOPE_FAKE_READ_HELPER");
    }

    void oneProcessServesEveryRequest()
    {
        HelperCmdmonTransport transport;
        transport.setLaunchOverride(fake(u"count"_s));
        ChronydClient client(transport);
        // The fake answers with the number of frames it has read: 1, 2, 3 from one process.
        // ChronydClient accepts each only because the transport restored its sequence number.
        for (std::uint32_t expected = 1; expected <= 3; ++expected) {
            const Result<std::uint32_t> count = client.sourceCount();
            QVERIFY2(count, qPrintable(count ? QString() : count.errorMessage()));
            QCOMPARE(*count, expected);
        }
        QCOMPARE(client.ignoredReplies(), 0);
    }

    void refusalIsNamed()
    {
        const QString error = countError(u"refuse"_s);
        QVERIFY2(error.contains(u"the helper refused the read"_s) && error.contains(u"not_permitted"_s), qPrintable(error));
    }

    void truncatedReplyIsAnError()
    {
        const QString error = countError(u"truncated"_s);
        QVERIFY2(error.contains(u"helper"_s) && !error.isEmpty(), qPrintable(error));
        QVERIFY2(error.contains(u"ended without answering"_s) || error.contains(u"exited"_s), qPrintable(error));
    }

    void oversizeReplyIsRefusedBeforeItIsRead()
    {
        const QString error = countError(u"oversize"_s);
        QVERIFY2(error.startsWith(u"the helper's reply is invalid"_s), qPrintable(error));
    }

    void replyToAnotherRequestIsRefused()
    {
        const QString error = countError(u"otherid"_s);
        QVERIFY2(error.startsWith(u"the helper's reply is invalid"_s), qPrintable(error));
    }

    void shortCmdmonReplyIsRefusedByTheDecoder()
    {
        const QString error = countError(u"short"_s);
        QVERIFY2(error.contains(u"shorter than the 28-byte header"_s), qPrintable(error));
    }

    void notAuthorisedThroughPkexec()
    {
        const QString error = countError(u"exit127"_s, true);
        QVERIFY2(error.startsWith(u"not authorised to read chronyd through the helper"_s), qPrintable(error));
    }

    void missingHelperSaysSo()
    {
        HelperCmdmonTransport transport;
        correction::HelperLaunch launch;
        launch.program = u"/nonexistent/chronoscope-helper"_s;
        transport.setLaunchOverride(launch);
        ChronydClient client(transport);
        const Result<std::uint32_t> count = client.sourceCount();
        QVERIFY(!count);
        QVERIFY2(count.errorMessage().startsWith(u"the helper is not installed or cannot be started"_s),
                 qPrintable(count.errorMessage()));
        // The session is over: no second helper is started behind the user's back.
        const Result<std::uint32_t> again = client.sourceCount();
        QVERIFY(!again);
        QVERIFY2(again.errorMessage().contains(u"earlier failure"_s), qPrintable(again.errorMessage()));
    }

    void requestOffTheWhitelistIsRefusedLocally()
    {
        HelperCmdmonTransport transport;
        transport.setLaunchOverride(fake(u"exit127"_s, true));   // would fail if it were started
        QVERIFY(!transport.supportsCommand(sysservice::cmdmon::REQ_NTP_DATA));
        QVERIFY(!transport.supportsCommand(sysservice::cmdmon::REQ_RELOAD_SOURCES));
        QVERIFY(transport.supportsCommand(sysservice::cmdmon::REQ_TRACKING));
        const Result<bool> sent = transport.send(
                sysservice::encodeCmdmonRequest(sysservice::cmdmon::REQ_RELOAD_SOURCES, 7, {}, 0));
        QVERIFY(!sent);
        QVERIFY2(sent.errorMessage().contains(u"only read-only requests"_s), qPrintable(sent.errorMessage()));
        // Too short to be a cmdmon request at all.
        const Result<bool> tiny = transport.send(QByteArray(5, '\0'));
        QVERIFY(!tiny);
        // Nothing to receive after a refused send.
        QVERIFY(!transport.receive(100));
    }
};

QTEST_GUILESS_MAIN(TstHelperCmdmonTransport)
#include "tst_helpercmdmontransport.moc"
