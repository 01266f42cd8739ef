// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnostics/diagnosticspage.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/diagnostics/portusage.h"
#include "core/diagnostics/timeservices.h"
#include "core/report/humanformat.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {
namespace {

QLabel *textLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // process names and server text are data, not markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

DiagnosticsPage::DiagnosticsPage(QWidget *parent) : QWidget(parent)
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    auto *intro = textLabel(content);
    intro->setText(tr("Find out what stands between this computer and its time servers, and whether a "
                      "server you run can be abused to amplify attacks."));
    layout->addWidget(intro);
    layout->addWidget(createComputerGroup());
    layout->addWidget(createServersGroup());
    layout->addWidget(createProbeGroup());
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(&m_check, &diagnostics::ReachabilityCheck::finished, this, &DiagnosticsPage::showReachability);
    connect(&m_prober, &diagnostics::ExposureProbe::finished, this, &DiagnosticsPage::showProbe);
}

DiagnosticsPage::~DiagnosticsPage() = default;

QString DiagnosticsPage::title()
{
    return tr("Dia&gnostics");
}

QWidget *DiagnosticsPage::createComputerGroup()
{
    auto *group = new QGroupBox(tr("This computer"));
    auto *layout = new QVBoxLayout(group);
    m_port = new QSpinBox(group);
    m_port->setRange(1, 65535);
    m_port->setValue(123);
    m_port->setAccessibleName(tr("UDP port to check"));
    m_checkComputer = new QPushButton(tr("&Check This Computer"), group);
    m_checkComputer->setObjectName(u"checkComputerButton"_s);
    auto *row = new QHBoxLayout;
    auto *portLabel = new QLabel(tr("UDP &port:"), group);
    portLabel->setBuddy(m_port);
    row->addWidget(portLabel);
    row->addWidget(m_port);
    row->addWidget(m_checkComputer);
    row->addStretch(1);
    layout->addLayout(row);
    m_computer = textLabel(group);
    m_computer->setAccessibleName(tr("Port and time service findings"));
    m_computer->setText(tr("Not checked yet."));
    layout->addWidget(m_computer);
    connect(m_checkComputer, &QPushButton::clicked, this, &DiagnosticsPage::checkComputer);
    return group;
}

QWidget *DiagnosticsPage::createServersGroup()
{
    auto *group = new QGroupBox(tr("Configured servers"));
    auto *layout = new QVBoxLayout(group);
    m_testServers = new QPushButton(tr("&Test Reachability"), group);
    m_testServers->setObjectName(u"testServersButton"_s);
    auto *row = new QHBoxLayout;
    row->addWidget(m_testServers);
    row->addStretch(1);
    layout->addLayout(row);
    m_servers = new QTreeWidget(group);
    m_servers->setRootIsDecorated(false);
    m_servers->setHeaderLabels({tr("Server"), tr("Result"), tr("Sent"), tr("Replies"), tr("Detail")});
    m_servers->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_servers->header()->setStretchLastSection(true);
    m_servers->setAccessibleName(tr("Reachability of each server"));
    m_servers->setMinimumHeight(100);
    layout->addWidget(m_servers);
    m_conclusion = textLabel(group);
    m_conclusion->setAccessibleName(tr("Reachability conclusion"));
    layout->addWidget(m_conclusion);
    connect(m_testServers, &QPushButton::clicked, this, &DiagnosticsPage::testServers);
    return group;
}

QWidget *DiagnosticsPage::createProbeGroup()
{
    auto *group = new QGroupBox(tr("Exposure of a server you run"));
    auto *layout = new QVBoxLayout(group);
    m_probeNote = textLabel(group);
    m_probeNote->setText(tr("The probe sends exactly one small request of each kind to the address you type: one "
                            "12-byte mode 6 READVAR and one 8-byte mode 7 MON_GETLIST (monlist) request, to the "
                            "first address of a name, and nothing else: no retries, no other addresses. It then "
                            "reports whether the server answers and how many bytes it sends back per byte "
                            "received. Probe only servers you run or may test."));
    layout->addWidget(m_probeNote);
    m_probeTarget = new QLineEdit(group);
    m_probeTarget->setPlaceholderText(tr("host or host:port, e.g. ntp.example.org"));
    m_probeTarget->setAccessibleName(tr("Server to probe"));
    m_probe = new QPushButton(tr("&Probe"), group);
    m_probe->setObjectName(u"probeButton"_s);
    auto *row = new QHBoxLayout;
    auto *targetLabel = new QLabel(tr("&Server:"), group);
    targetLabel->setBuddy(m_probeTarget);
    row->addWidget(targetLabel);
    row->addWidget(m_probeTarget, 1);
    row->addWidget(m_probe);
    layout->addLayout(row);
    m_probeResult = textLabel(group);
    m_probeResult->setAccessibleName(tr("Probe result"));
    layout->addWidget(m_probeResult);
    connect(m_probe, &QPushButton::clicked, this, &DiagnosticsPage::startProbe);
    connect(m_probeTarget, &QLineEdit::returnPressed, this, &DiagnosticsPage::startProbe);
    return group;
}

void DiagnosticsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_computerChecked)
        checkComputer();
}

void DiagnosticsPage::checkComputer()
{
    m_computerChecked = true;
    const diagnostics::PortUsageFindings port = diagnostics::checkUdpPort(quint16(m_port->value()));
    const diagnostics::TimeServicesFindings services = diagnostics::checkTimeServices();
    QStringList lines{port.summary};
    for (const QString &meaning : port.meanings)
        lines << u"• "_s + meaning;
    lines << QString() << tr("Time services:");
    for (const diagnostics::TimeServiceStatus &s : services.services)
        lines << (s.running ? tr("%1: running").arg(s.name) : tr("%1: not running").arg(s.name));
    const diagnostics::KernelClockStatus &k = services.kernel;
    if (!k.available)
        lines << tr("Kernel clock: not reported on this system");
    else if (k.synchronized)
        lines << tr("Kernel clock: synchronised (maximum error %1)").arg(report::formatSeconds(k.maxError));
    else
        lines << tr("Kernel clock: not synchronised");
    lines << services.summary;
    m_computer->setText(lines.join(u'\n'));
    emit computerChecked();
}

void DiagnosticsPage::testServers()
{
    if (m_check.isRunning())
        return;
    const QList<engine::ServerSpec> servers = m_serverSource ? m_serverSource() : QList<engine::ServerSpec>();
    m_servers->clear();
    m_testServers->setEnabled(false);
    //: %1: number of servers, %2: requests sent to each
    m_conclusion->setText(tr("Sending %2 requests to each of %1 server(s)…").arg(servers.size()).arg(m_reachOptions.requests));
    m_check.start(servers, m_reachOptions);
}

void DiagnosticsPage::showReachability(const diagnostics::ReachabilityFindings &findings)
{
    using diagnostics::ReachOutcome;
    m_testServers->setEnabled(true);
    m_servers->clear();
    for (const diagnostics::ServerReachability &s : findings.servers) {
        QString result;
        switch (s.outcome) {
        case ReachOutcome::Answers: result = tr("answers"); break;
        case ReachOutcome::AnswersUnusable: result = tr("answers, time unusable"); break;
        case ReachOutcome::KissOfDeath: result = tr("kiss-o'-death %1").arg(s.kissCode); break;
        case ReachOutcome::InvalidReplies: result = tr("invalid replies only"); break;
        case ReachOutcome::Refused: result = tr("refused (ICMP port unreachable)"); break;
        case ReachOutcome::NetworkError: result = tr("cannot be sent to"); break;
        case ReachOutcome::TimedOut: result = tr("no reply (timed out)"); break;
        case ReachOutcome::DnsFailure: result = tr("name does not resolve"); break;
        }
        auto *item = new QTreeWidgetItem(m_servers, {s.name, result, QString::number(s.requests),
                                                     QString::number(s.tally.accepted + s.tally.unusable), s.detail});
        item->setToolTip(4, s.detail);
    }
    using diagnostics::ReachConclusion;
    QString headline;
    switch (findings.conclusion) {
    case ReachConclusion::NoServers: headline = tr("No servers to test."); break;
    case ReachConclusion::AllAnswer: headline = tr("Every server answers: NTP gets through."); break;
    case ReachConclusion::SomeUnreachable: headline = tr("Some servers do not answer; NTP itself gets through."); break;
    case ReachConclusion::Blocked:
        headline = tr("No server answers: UDP to the NTP port appears blocked by a firewall or the network.");
        break;
    case ReachConclusion::DnsFailure: headline = tr("No server name resolves: a DNS problem."); break;
    case ReachConclusion::AllRefused: headline = tr("Every server refuses: nothing serves NTP there."); break;
    case ReachConclusion::NoRoute: headline = tr("No route to the servers: is this computer online?"); break;
    case ReachConclusion::AllKissOfDeath: headline = tr("Every server sent a kiss-o'-death."); break;
    case ReachConclusion::NoneAnswer: headline = tr("No server gives a usable answer."); break;
    }
    m_conclusion->setText(headline + u"\n"_s + findings.summary);
    emit reachabilityFinished(findings);
}

bool DiagnosticsPage::startProbe()
{
    if (m_prober.isRunning())
        return false;
    const QString typed = m_probeTarget->text().trimmed();
    const Result<engine::ServerSpec> target = diagnostics::ExposureProbe::parseTarget(typed);
    if (typed.isEmpty() || !target) {
        m_probeResult->setText(typed.isEmpty() ? tr("Type the server to probe first.") : target.errorMessage());
        return false;
    }
    m_probe->setEnabled(false);
    //: %1: the server as typed
    m_probeResult->setText(tr("Probing %1…").arg(typed));
    m_prober.start(typed, *target, m_probeWindow);
    return true;
}

void DiagnosticsPage::showProbe(const diagnostics::ExposureFindings &findings)
{
    using diagnostics::ExposureVerdict;
    m_probe->setEnabled(true);
    const double factor = std::max(findings.mode6.amplificationFactor(), findings.mode7.amplificationFactor());
    QString headline;
    switch (findings.verdict) {
    case ExposureVerdict::NotProbed: headline = tr("The probe could not run."); break;
    case ExposureVerdict::PortClosed: headline = tr("Nothing listens on that port."); break;
    case ExposureVerdict::NoAnswer: headline = tr("Not an amplifier: no answer to mode 6 or mode 7."); break;
    case ExposureVerdict::ErrorRepliesOnly: headline = tr("Answers control queries with errors only."); break;
    case ExposureVerdict::AnswersMode6:
        //: %1: bytes back per byte sent, e.g. 41.3
        headline = tr("Exposed: answers mode 6 control queries (amplification %1×).").arg(factor, 0, 'f', 1);
        break;
    case ExposureVerdict::AnswersMonlist:
        headline = tr("Exposed: answers monlist (mode 7), amplification %1×.").arg(factor, 0, 'f', 1);
        break;
    }
    QStringList lines{headline};
    if (!findings.address.isEmpty()) {
        //: %1 address, %2 port
        lines << tr("Probed %1 port %2.").arg(findings.address).arg(findings.port);
        for (const diagnostics::ProbeOutcome *o : {&findings.mode6, &findings.mode7}) {
            const QString name = o->request == u"readvar"_s ? tr("Mode 6 READVAR") : tr("Mode 7 MON_GETLIST");
            //: %1 request name, %2 bytes back, %3 datagrams, %4 bytes sent, %5 factor
            lines << tr("%1: %2 bytes back in %3 datagram(s) for %4 sent, amplification %5×")
                         .arg(name)
                         .arg(o->replyBytes)
                         .arg(o->datagrams)
                         .arg(o->requestBytes)
                         .arg(o->amplificationFactor(), 0, 'f', 2);
        }
    }
    lines << findings.summary;
    for (const QString &advice : findings.advice)
        lines << u"• "_s + advice;
    m_probeResult->setText(lines.join(u'\n'));
    emit probeFinished(findings);
}

QString DiagnosticsPage::computerText() const
{
    return m_computer->text();
}

QString DiagnosticsPage::reachabilityText() const
{
    return m_conclusion->text();
}

QString DiagnosticsPage::probeNoteText() const
{
    return m_probeNote->text();
}

QString DiagnosticsPage::probeText() const
{
    return m_probeResult->text();
}

} // namespace chronoscope::ui
