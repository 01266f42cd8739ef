// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/serverdialog.h"

#include <cmath>

#include <QPushButton>

#include "core/report/humanformat.h"
#include "core/texts/reasontexts.h"
#include "ui/servertester.h"
#include "ui/statecolors.h"
#include "ui_serverdialog.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

ServerDialog::ServerDialog(const QList<config::ConfiguredServer> &existing, int editIndex, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ServerDialog>())
    , m_existing(existing)
    , m_editIndex(editIndex)
    , m_tester(new ServerTester(this))
{
    m_ui->setupUi(this);
    setWindowTitle(editIndex < 0 ? tr("Add Server") : tr("Edit Server"));
    m_ui->problem->setStyleSheet(u"color: %1;"_s.arg(severityColor(report::Severity::Bad, palette()).name()));
    m_ui->minPoll->setToolTip(tr("log2 of the shortest interval between requests: 6 = 64 s. Public servers are never polled faster than 64 s."));
    m_ui->maxPoll->setToolTip(tr("log2 of the longest interval between requests: 10 = 1024 s"));
    m_ui->keyId->setToolTip(tr("Symmetric key number from your key file; none = no authentication"));
    m_ui->nts->setToolTip(tr("Network Time Security (RFC 8915): keys from a TLS key exchange with the server, "
                             "every reply authenticated; never falls back to unauthenticated NTP"));
    m_ui->ntsPort->setToolTip(tr("TCP port of the server's NTS key exchange (NTS-KE); 4460 unless its operator says otherwise"));
    m_ui->ntsPort->setEnabled(false);
    connect(m_ui->nts, &QCheckBox::toggled, this, [this](bool on) {
        // NTS brings its own keys and says where NTP goes: no key, no NTP port.
        m_ui->ntsPort->setEnabled(on);
        m_ui->keyId->setEnabled(!on);
        m_ui->port->setEnabled(!on);
        if (on)
            m_ui->keyId->setValue(0);
    });

    for (QObject *input : {static_cast<QObject *>(m_ui->host), static_cast<QObject *>(m_ui->port),
                           static_cast<QObject *>(m_ui->kind), static_cast<QObject *>(m_ui->minPoll),
                           static_cast<QObject *>(m_ui->maxPoll), static_cast<QObject *>(m_ui->keyId),
                           static_cast<QObject *>(m_ui->prefer), static_cast<QObject *>(m_ui->noselect),
                           static_cast<QObject *>(m_ui->trust), static_cast<QObject *>(m_ui->iburst),
                           static_cast<QObject *>(m_ui->xleave),
                           static_cast<QObject *>(m_ui->nts), static_cast<QObject *>(m_ui->ntsPort)}) {
        if (auto *line = qobject_cast<QLineEdit *>(input))
            connect(line, &QLineEdit::textChanged, this, &ServerDialog::validate);
        else if (auto *spin = qobject_cast<QSpinBox *>(input))
            connect(spin, &QSpinBox::valueChanged, this, &ServerDialog::validate);
        else if (auto *combo = qobject_cast<QComboBox *>(input))
            connect(combo, &QComboBox::currentIndexChanged, this, &ServerDialog::validate);
        else if (auto *box = qobject_cast<QCheckBox *>(input))
            connect(box, &QCheckBox::toggled, this, &ServerDialog::validate);
    }
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isAcceptable())
            accept();
    });
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ServerDialog::startTest);
    connect(m_tester, &ServerTester::finished, this, [this](const QList<engine::ServerStatus> &results) {
        QStringList lines;
        for (const engine::ServerStatus &s : results) {
            if (s.filter && s.filter->validStages > 0)
                lines << tr("%1: answers, offset %2, delay %3, stratum %4")
                             .arg(s.name, report::formatSeconds(s.filter->offset, true),
                                  report::formatSeconds(s.filter->delay))
                             .arg(s.stratum);
            else
                lines << tr("%1: %2").arg(s.name, s.reason.isEmpty() ? stateName(s.state)
                                                                  : texts::ReasonTexts::text(s.reasonCode, s.reason));
        }
        m_ui->testResult->setText(lines.isEmpty() ? tr("No result.") : lines.join(u'\n'));
        m_ui->testButton->setEnabled(isAcceptable());
        emit testFinished();
    });
    validate();
}

ServerDialog::~ServerDialog() = default;

void ServerDialog::setServer(const config::ConfiguredServer &server)
{
    const engine::ServerSpec &spec = server.spec;
    m_ui->host->setText(spec.host);
    m_ui->port->setValue(spec.port);
    m_ui->kind->setCurrentIndex(spec.isPool ? 1 : 0);
    m_ui->minPoll->setValue(spec.minPollLog2);
    m_ui->maxPoll->setValue(spec.maxPollLog2);
    m_ui->keyId->setValue(int(server.keyId));
    m_ui->iburst->setChecked(spec.iburst);
    m_ui->prefer->setChecked(spec.prefer);
    m_ui->noselect->setChecked(spec.noselect);
    m_ui->trust->setChecked(spec.trust);
    m_ui->xleave->setChecked(spec.xleave);
    m_ui->nts->setChecked(spec.nts);
    m_ui->ntsPort->setValue(spec.ntsPort);
    validate();
}

config::ConfiguredServer ServerDialog::server() const
{
    config::ConfiguredServer server;
    engine::ServerSpec &spec = server.spec;
    QString host = m_ui->host->text().trimmed();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    spec.host = host;
    spec.port = quint16(m_ui->port->value());
    spec.isPool = m_ui->kind->currentIndex() == 1;
    spec.minPollLog2 = m_ui->minPoll->value();
    spec.maxPollLog2 = m_ui->maxPoll->value();
    spec.iburst = m_ui->iburst->isChecked();
    spec.prefer = m_ui->prefer->isChecked();
    spec.noselect = m_ui->noselect->isChecked();
    spec.trust = m_ui->trust->isChecked();
    spec.xleave = m_ui->xleave->isChecked();
    spec.nts = m_ui->nts->isChecked();
    spec.ntsPort = quint16(m_ui->ntsPort->value());
    server.keyId = spec.nts ? 0 : quint32(m_ui->keyId->value());
    return server;
}

void ServerDialog::updatePollHints()
{
    auto hint = [](int log2) { return report::formatAge(std::ldexp(1.0, log2)); };
    //: Poll spin box suffix, e.g. " (64 s)"
    m_ui->minPoll->setSuffix(tr(" (%1)").arg(hint(m_ui->minPoll->value())));
    m_ui->maxPoll->setSuffix(tr(" (%1)").arg(hint(m_ui->maxPoll->value())));
}

void ServerDialog::validate()
{
    updatePollHints();
    const config::ConfiguredServer candidate = server();
    m_problem.clear();
    if (candidate.spec.host.isEmpty()) {
        m_problem = tr("Enter a host name or an address.");
    } else if (const std::optional<QString> invalid = config::validateServer(candidate)) {
        // The core's reason names the offending value; it is English, the sentence around it is not.
        m_problem = tr("Not valid: %1").arg(*invalid);
    } else if (const int duplicate = config::findDuplicate(m_existing, candidate, m_editIndex); duplicate >= 0) {
        m_problem = tr("%1 is already in the list.").arg(m_existing.at(duplicate).spec.displayName());
    }
    m_ui->problem->setText(m_problem);
    m_ui->problem->setVisible(!m_problem.isEmpty());
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
    m_ui->testButton->setEnabled(m_problem.isEmpty() && !m_tester->isRunning());
}

void ServerDialog::startTest()
{
    if (!isAcceptable())
        return;
    m_ui->testButton->setEnabled(false);
    m_ui->testResult->setText(tr("Testing %1 (%2 requests)…").arg(server().spec.displayName()).arg(ServerTester::REQUESTS));
    m_tester->start(server().spec);
}

QString ServerDialog::testResultText() const
{
    return m_ui->testResult->text();
}

} // namespace chronoscope::ui
