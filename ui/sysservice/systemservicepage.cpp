// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sysservice/systemservicepage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/engine/enginesession.h"
#include "core/sysservice/timeserviceplan.h"
#include "ui/sysservice/systemservicecomparison.h"
#include "ui/sysservice/timeservicedialog.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {
namespace {

enum Column { SourceColumn, DaemonStateColumn, DaemonOffsetColumn, OurOffsetColumn, ComparisonColumn, ColumnCount };

QString signedDistance(const std::optional<double> &seconds)
{
    if (!seconds)
        return QString();
    return (*seconds < 0 ? u"−"_s : u"+"_s) + SystemServiceComparison::distanceText(*seconds);
}

} // namespace

SystemServicePage::SystemServicePage(QWidget *parent) : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    m_verdict = new QLabel(this);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);

    m_sources = new QTreeWidget(this);
    m_sources->setColumnCount(ColumnCount);
    m_sources->setHeaderLabels({tr("Source"), tr("Daemon's state"), tr("Daemon's offset"), tr("Chronoscope's offset"),
                                tr("Compared with Chronoscope")});
    m_sources->setRootIsDecorated(false);
    m_sources->setAlternatingRowColors(true);
    m_sources->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sources->setAccessibleName(tr("Sources of the system time service"));

    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setToolTip(tr("Read the system's time service again"));
    connect(m_refresh, &QPushButton::clicked, this, &SystemServicePage::refresh);
    m_readThroughHelper = new QPushButton(tr("Read Thro&ugh the Helper…"), this);
    m_readThroughHelper->setToolTip(tr("Read chronyd's command socket with the helper's administrator rights. You are "
                                       "asked for an administrator password; the helper only reads and changes "
                                       "nothing."));
    m_readThroughHelper->setAccessibleDescription(m_readThroughHelper->toolTip());
    m_readThroughHelper->hide();
    connect(m_readThroughHelper, &QPushButton::clicked, this, &SystemServicePage::readThroughHelper);
    m_applyServers = new QPushButton(tr("&Apply Chronoscope's Servers…"), this);
    connect(m_applyServers, &QPushButton::clicked, this, &SystemServicePage::applyServers);
    m_revertServers = new QPushButton(tr("Rev&ert…"), this);
    connect(m_revertServers, &QPushButton::clicked, this, &SystemServicePage::revertServers);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_applyServers);
    buttons->addWidget(m_revertServers);
    buttons->addStretch();
    buttons->addWidget(m_readThroughHelper);
    buttons->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_problem);
    layout->addWidget(m_verdict);
    layout->addWidget(m_sources, 1);
    layout->addLayout(buttons);
    m_summary->setText(tr("The system's time service has not been read yet."));
    updateConfigureActions();
}

SystemServicePage::~SystemServicePage()
{
    delete m_dialog;   // before the buttons its signals update
    if (m_worker) {
        // The reading ends within its timeouts; wait so that it never outlives the page.
        m_worker->wait();
        delete m_worker;
    }
}

QString SystemServicePage::title()
{
    return tr("S&ystem Time Service");
}

void SystemServicePage::attachSession(const engine::EngineSession *session)
{
    m_snapshot = session->snapshot();
    connect(session, &engine::EngineSession::snapshotChanged, this, [this](const engine::EngineSnapshot &snapshot) {
        m_snapshot = snapshot;
        if (m_reading.ok())
            updateComparison();
    });
}

QString SystemServicePage::summaryText() const
{
    return m_summary->text();
}

QString SystemServicePage::verdictText() const
{
    return m_verdict->text();
}

QString SystemServicePage::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void SystemServicePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shownOnce) {
        m_shownOnce = true;
        refresh();
    }
}

void SystemServicePage::refresh()
{
    startReading(false);
}

void SystemServicePage::readThroughHelper()
{
    startReading(true);
}

void SystemServicePage::startReading(bool throughHelper)
{
    if (m_worker)
        return;
    m_refresh->setEnabled(false);
    m_readThroughHelper->setEnabled(false);
    m_summary->setText(throughHelper ? tr("Reading chronyd through the helper (it may ask for an administrator password)…")
                                     : tr("Reading the system's time service…"));
    sysservice::SystemServiceReaderOptions options = m_options;
    options.throughHelper = throughHelper;
    const Reader reader = m_reader ? m_reader : Reader(&sysservice::readSystemService);
    auto result = std::make_shared<sysservice::SystemServiceReading>();
    // Sockets, D-Bus calls and the helper block: the reading runs in its own thread, never the GUI's.
    m_worker = QThread::create([reader, options, result] { *result = reader(options); });
    connect(m_worker, &QThread::finished, this, [this, result] {
        m_worker->deleteLater();
        m_worker = nullptr;
        m_refresh->setEnabled(true);
        m_readThroughHelper->setEnabled(true);
        showReading(*result);
        updateConfigureActions();
        emit readingFinished();
    });
    m_worker->start();
}

void SystemServicePage::setServerSource(std::function<QList<config::ConfiguredServer>()> source)
{
    m_serverSource = std::move(source);
    updateConfigureActions();
}

void SystemServicePage::setTimeServiceHelper(sysservice::TimeServiceHelper *helper)
{
    m_timeServiceHelper = helper;
    updateConfigureActions();
}

void SystemServicePage::updateConfigureActions()
{
    const std::optional<sysservice::TimeServiceDaemon> daemon = sysservice::parseTimeServiceDaemon(m_reading.daemon);
    const QString name = daemon ? sysservice::timeServiceDaemonName(*daemon) : QString();
    const bool haveServers = m_serverSource && !m_serverSource().isEmpty();
    const bool busy = m_dialog && m_dialog->stage() == TimeServiceDialog::Stage::Working;
    QString applyWhy;   // why Apply is disabled; empty when it is enabled
    QString revertWhy;
    if (!m_timeServiceHelper) {
        applyWhy = revertWhy = tr("This build of Chronoscope cannot change the system's time service.");
    } else if (!daemon) {
        applyWhy = revertWhy = (m_reading.daemon.isEmpty() && m_reading.error.isEmpty())
                ? tr("Read the system's time service first.")
                : tr("No chronyd, systemd-timesyncd or ntpd was found on this computer.");
    } else if (busy) {
        applyWhy = revertWhy = tr("The helper is still working.");
    }
    if (applyWhy.isEmpty() && !haveServers)
        applyWhy = tr("Chronoscope's server list is empty: add servers first.");
    m_applyServers->setText(daemon ? tr("&Apply Chronoscope's Servers to %1…").arg(name)
                                   : tr("&Apply Chronoscope's Servers…"));
    m_revertServers->setText(daemon ? tr("Rev&ert %1…").arg(name) : tr("Rev&ert…"));
    m_applyServers->setEnabled(applyWhy.isEmpty());
    m_revertServers->setEnabled(revertWhy.isEmpty());
    m_applyServers->setToolTip(applyWhy.isEmpty()
            ? tr("Write Chronoscope's server list to %1's configuration through the helper, after a preview").arg(name)
            : applyWhy);
    m_revertServers->setToolTip(revertWhy.isEmpty()
            ? tr("Restore %1's configuration from before Chronoscope changed it").arg(name)
            : revertWhy);
    // Screen readers announce why a disabled button is disabled (a tooltip needs a mouse).
    m_applyServers->setAccessibleDescription(m_applyServers->toolTip());
    m_revertServers->setAccessibleDescription(m_revertServers->toolTip());
}

TimeServiceDialog *SystemServicePage::timeServiceDialog() const
{
    return m_dialog;
}

TimeServiceDialog *SystemServicePage::openDialog()
{
    if (m_dialog) {
        if (m_dialog->stage() == TimeServiceDialog::Stage::Working) {
            m_dialog->raise();
            return nullptr;
        }
        m_dialog->deleteLater();
    }
    m_dialog = new TimeServiceDialog(m_timeServiceHelper, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowModality(Qt::WindowModal);
    connect(m_dialog, &TimeServiceDialog::outcomeReady, this, [this](const sysservice::TimeServiceOutcome &outcome) {
        updateConfigureActions();
        // A change (or a rollback) changed what the daemon does: show it.
        if (outcome.answered && !outcome.dryRun)
            refresh();
    });
    connect(m_dialog, &QDialog::finished, this, &SystemServicePage::updateConfigureActions);
    return m_dialog;
}

void SystemServicePage::applyServers()
{
    const std::optional<sysservice::TimeServiceDaemon> daemon = sysservice::parseTimeServiceDaemon(m_reading.daemon);
    if (!m_applyServers->isEnabled() || !daemon)
        return;
    TimeServiceDialog *dialog = openDialog();
    if (!dialog)
        return;
    dialog->setPlan(sysservice::planTimeService(*daemon, m_serverSource()));
    dialog->open();
}

void SystemServicePage::revertServers()
{
    const std::optional<sysservice::TimeServiceDaemon> daemon = sysservice::parseTimeServiceDaemon(m_reading.daemon);
    if (!m_revertServers->isEnabled() || !daemon)
        return;
    TimeServiceDialog *dialog = openDialog();
    if (!dialog)
        return;
    dialog->setRevert(*daemon);
    dialog->open();
}

void SystemServicePage::showReading(const sysservice::SystemServiceReading &reading)
{
    m_reading = reading;
    m_sources->clear();
    // Offered where chronyd runs but this user may not read its socket, and again after a read
    // through the helper failed (a dismissed password prompt, say).
    const bool chronyd = reading.daemon == u"chronyd"_s;
    m_readThroughHelper->setVisible(chronyd && !reading.ok() && (reading.permissionDenied || reading.throughHelper));
    if (!reading.ok()) {
        m_summary->setText(reading.daemon.isEmpty() ? tr("No time service was found on this computer.")
                                                    : tr("%1 could not be read.").arg(reading.daemon));
        QString problem = reading.error;
        if (reading.permissionDenied)
            problem = tr("Permission denied: this user may not read %1's command socket. Read it through the helper "
                         "(Read Through the Helper…, which asks for an administrator password and only reads), let "
                         "chronyd answer on its command port (cmdport 323 on 127.0.0.1), which this page then reads, "
                         "or read it as root with chronoscope-cli system.")
                          .arg(reading.daemon)
                + u"\n"_s + reading.error;
        else if (reading.throughHelper)
            problem = tr("Reading %1 through the helper failed: %2").arg(reading.daemon, reading.error);
        m_problem->setText(problem);
        m_problem->show();
        m_verdict->clear();
        return;
    }
    QString summary = reading.selectedAddress.isEmpty()
        ? tr("%1 (read from %2) is not synchronised to any source.").arg(reading.daemon, reading.endpoint)
        : tr("%1 (read from %2) follows %3.").arg(reading.daemon, reading.endpoint, reading.selectedAddress);
    QStringList facts;
    if (reading.offset)
        facts.append(tr("offset of this clock %1 (positive: behind)").arg(signedDistance(reading.offset)));
    if (reading.frequencyPpm)
        facts.append(tr("frequency %1 ppm").arg(QString::number(*reading.frequencyPpm, 'f', 3)));
    if (reading.stratum >= 0)
        facts.append(tr("stratum %1").arg(reading.stratum));
    if (!reading.leapWords.isEmpty())
        facts.append(tr("leap status: %1").arg(reading.leapWords));
    if (!facts.isEmpty())
        summary += u"\n"_s + facts.join(u"; "_s);
    if (reading.throughHelper)
        summary += u"\n"_s + tr("Read through the helper with administrator rights; nothing was changed. Refresh reads "
                                "directly again.");
    m_summary->setText(summary);
    if (reading.warnings.isEmpty()) {
        m_problem->hide();
    } else {
        m_problem->setText(reading.warnings.join(u"\n"_s));
        m_problem->show();
    }
    updateComparison();
}

void SystemServicePage::updateComparison()
{
    const SystemServiceComparison comparison = SystemServiceComparison::compare(m_reading, m_snapshot);
    m_verdict->setText(comparison.verdicts().join(u"\n"_s));
    // Snapshots arrive up to ten times a second: update the rows in place (selection and scroll
    // position stay) unless the daemon's list itself changed.
    const QList<SystemServiceComparison::Row> &rows = comparison.rows();
    if (m_sources->topLevelItemCount() != rows.size())
        m_sources->clear();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const SystemServiceComparison::Row &row = rows.at(i);
        QString source = row.source.address.isEmpty() ? row.source.name : row.source.address;
        if (!row.source.name.isEmpty() && row.source.name != row.source.address && !row.source.address.isEmpty())
            source = row.source.name + u" ("_s + row.source.address + u")"_s;
        QTreeWidgetItem *item = m_sources->topLevelItem(int(i));
        if (!item)
            item = new QTreeWidgetItem(m_sources);
        item->setText(SourceColumn, source);
        item->setData(SourceColumn, Qt::UserRole, row.source.address);
        item->setText(DaemonStateColumn, row.source.stateWords);
        item->setData(DaemonStateColumn, Qt::UserRole, row.source.state);
        item->setText(DaemonOffsetColumn, signedDistance(row.source.offset));
        item->setText(OurOffsetColumn, row.measured && row.ourOffset ? signedDistance(row.ourOffset) : QString());
        item->setText(ComparisonColumn, row.comparison);
    }
}

} // namespace chronoscope::ui
