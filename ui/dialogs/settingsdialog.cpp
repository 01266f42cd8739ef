// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/eventlog/eventlogentry.h"
#include "core/metrics/listenaddress.h"
#include "ui/models/eventlogmodel.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

SettingsDialog::SettingsDialog(const config::AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_input(settings)
    , m_closeToTray(new QCheckBox(tr("&Keep monitoring in the tray when the window is closed"), this))
    , m_notifyOffset(new QCheckBox(tr("Notify when the &offset exceeds"), this))
    , m_threshold(new QDoubleSpinBox(this))
    , m_notifyUnreachable(new QCheckBox(tr("Notify when &no server answers"), this))
    , m_theme(new QComboBox(this))
    , m_logFile(new QCheckBox(tr("&Write the event log to a file"), this))
    , m_logPath(new QLineEdit(this))
    , m_logSize(new QSpinBox(this))
    , m_logKeep(new QSpinBox(this))
    , m_logCapacity(new QSpinBox(this))
    , m_metrics(new QCheckBox(tr("Serve &metrics for Prometheus"), this))
    , m_metricsAddress(new QLineEdit(this))
    , m_metricsProblem(new QLabel(this))
{
    setWindowTitle(tr("Preferences"));
    m_closeToTray->setChecked(settings.closeToTray);
    m_notifyOffset->setChecked(settings.notifyOffset);
    m_threshold->setRange(0.001, 3600000);
    m_threshold->setDecimals(1);
    //: Unit suffix: milliseconds
    m_threshold->setSuffix(tr(" ms"));
    m_threshold->setValue(settings.offsetThreshold * 1000.0);
    m_threshold->setAccessibleName(tr("Offset threshold in milliseconds"));
    m_notifyUnreachable->setChecked(settings.notifyUnreachable);
    m_theme->addItem(tr("Follow the system"));
    m_theme->addItem(tr("Light"));
    m_theme->addItem(tr("Dark"));
    m_theme->setCurrentIndex(settings.theme);
    m_theme->setAccessibleName(tr("Colour theme"));

    auto *desktop = new QGroupBox(tr("Desktop"), this);
    auto *desktopForm = new QFormLayout(desktop);
    desktopForm->addRow(m_closeToTray);
    auto *threshold = new QHBoxLayout;
    threshold->addWidget(m_notifyOffset);
    threshold->addWidget(m_threshold);
    threshold->addStretch(1);
    desktopForm->addRow(threshold);
    desktopForm->addRow(m_notifyUnreachable);
    desktopForm->addRow(tr("&Colours:"), m_theme);

    auto *events = new QGroupBox(tr("Events to record"), this);
    auto *eventsLayout = new QVBoxLayout(events);
    for (int kind = 0; kind < eventlog::EVENT_KIND_COUNT; ++kind) {
        auto *box = new QCheckBox(EventLogModel::kindName(eventlog::EventKind(kind)), this);
        box->setChecked(settings.recordedEvents & eventlog::kindBit(eventlog::EventKind(kind)));
        m_kinds.append(box);
        eventsLayout->addWidget(box);
    }
    m_logCapacity->setRange(100, 1000000);
    m_logCapacity->setSingleStep(1000);
    m_logCapacity->setValue(settings.eventLogCapacity);
    m_logCapacity->setAccessibleName(tr("Entries kept in the event log"));
    auto *capacityRow = new QFormLayout;
    //: The window's event log keeps at most this many entries; older ones are dropped
    capacityRow->addRow(tr("Keep at &most:"), m_logCapacity);
    eventsLayout->addLayout(capacityRow);

    auto *file = new QGroupBox(tr("Log file"), this);
    auto *fileForm = new QFormLayout(file);
    m_logFile->setChecked(settings.logFileEnabled);
    m_logPath->setText(settings.logFilePath);
    m_logPath->setPlaceholderText(tr("default: chronoscope.log in the application data folder"));
    m_logPath->setAccessibleName(tr("Log file path"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_logPath, 1);
    pathRow->addWidget(browse);
    m_logSize->setRange(4, 1024 * 1024);
    //: Unit suffix: kibibytes
    m_logSize->setSuffix(tr(" KiB"));
    m_logSize->setValue(int(settings.logFileMaxBytes / 1024));
    m_logSize->setAccessibleName(tr("Rotate after this size"));
    m_logKeep->setRange(0, 99);
    m_logKeep->setValue(settings.logFileKeep);
    m_logKeep->setAccessibleName(tr("Rotated files to keep"));
    fileForm->addRow(m_logFile);
    fileForm->addRow(tr("&File:"), pathRow);
    fileForm->addRow(tr("&Rotate after:"), m_logSize);
    fileForm->addRow(tr("&Keep old files:"), m_logKeep);
    auto updateFile = [this] {
        for (QWidget *w : {static_cast<QWidget *>(m_logPath), static_cast<QWidget *>(m_logSize), static_cast<QWidget *>(m_logKeep)})
            w->setEnabled(m_logFile->isChecked());
    };
    connect(m_logFile, &QCheckBox::toggled, this, updateFile);
    updateFile();
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Log File"), m_logPath->text(), tr("Log files (*.log);;All files (*)"));
        if (!path.isEmpty())
            m_logPath->setText(path);
    });
    connect(m_notifyOffset, &QCheckBox::toggled, m_threshold, &QWidget::setEnabled);
    m_threshold->setEnabled(m_notifyOffset->isChecked());

    auto *metrics = new QGroupBox(tr("Metrics"), this);
    auto *metricsForm = new QFormLayout(metrics);
    m_metrics->setObjectName(u"metricsEnabled"_s);
    m_metrics->setChecked(settings.metricsEnabled);
    m_metrics->setToolTip(tr("While Chronoscope runs, Prometheus can scrape http://ADDRESS/metrics"));
    m_metricsAddress->setObjectName(u"metricsAddress"_s);
    m_metricsAddress->setText(settings.metricsAddress);
    m_metricsAddress->setAccessibleName(tr("Metrics address and port"));
    //: Metrics address examples; 127.0.0.1 keeps the metrics on this computer
    m_metricsAddress->setPlaceholderText(tr("127.0.0.1:9123 or [::1]:9123"));
    m_metricsProblem->setObjectName(u"metricsProblem"_s);
    m_metricsProblem->setWordWrap(true);
    m_metricsProblem->hide();
    metricsForm->addRow(m_metrics);
    //: Where the metrics endpoint listens; other addresses than 127.0.0.1 reach the network
    metricsForm->addRow(tr("&Listen on:"), m_metricsAddress);
    metricsForm->addRow(m_metricsProblem);
    connect(m_metrics, &QCheckBox::toggled, m_metricsAddress, &QWidget::setEnabled);
    m_metricsAddress->setEnabled(m_metrics->isChecked());
    connect(m_metricsAddress, &QLineEdit::textEdited, m_metricsProblem, &QWidget::hide);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(u"buttons"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(desktop);
    left->addWidget(file);
    left->addWidget(metrics);
    left->addStretch(1);
    columns->addLayout(left, 3);
    columns->addWidget(events, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);
}

config::AppSettings SettingsDialog::settings() const
{
    config::AppSettings s = m_input;
    s.closeToTray = m_closeToTray->isChecked();
    s.notifyOffset = m_notifyOffset->isChecked();
    s.offsetThreshold = m_threshold->value() / 1000.0;
    s.notifyUnreachable = m_notifyUnreachable->isChecked();
    s.theme = m_theme->currentIndex();
    quint32 mask = 0;
    for (int kind = 0; kind < m_kinds.size(); ++kind)
        if (m_kinds.at(kind)->isChecked())
            mask |= eventlog::kindBit(eventlog::EventKind(kind));
    s.recordedEvents = mask;
    s.logFileEnabled = m_logFile->isChecked();
    s.logFilePath = m_logPath->text().trimmed();
    s.logFileMaxBytes = qint64(m_logSize->value()) * 1024;
    s.logFileKeep = m_logKeep->value();
    s.eventLogCapacity = m_logCapacity->value();
    s.metricsEnabled = m_metrics->isChecked();
    if (metrics::parseListenAddress(m_metricsAddress->text().trimmed()))
        s.metricsAddress = m_metricsAddress->text().trimmed();
    return s;
}

QString SettingsDialog::problem() const
{
    const Result<metrics::ListenAddress> address = metrics::parseListenAddress(m_metricsAddress->text().trimmed());
    return address || !m_metrics->isChecked() ? QString() : address.errorMessage();
}

void SettingsDialog::accept()
{
    if (const QString why = problem(); !why.isEmpty()) {
        m_metricsProblem->setText(tr("Metrics address: %1").arg(why));
        m_metricsProblem->show();
        m_metricsAddress->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace chronoscope::ui
