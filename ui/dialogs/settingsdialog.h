// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

#include "core/config/appsettings.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace chronoscope::ui {

// Preferences: tray and notifications, appearance, which events the log records, the
// optional log file with rotation, and metrics for Prometheus (off by default, loopback).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    explicit SettingsDialog(const config::AppSettings &settings, QWidget *parent = nullptr);

    // The edited settings (fields the dialog does not show are kept from the input).
    config::AppSettings settings() const;
    // Why OK is refused (a metrics address that does not parse); empty when acceptable.
    QString problem() const;

    void accept() override;

private:
    config::AppSettings m_input;
    QCheckBox *m_closeToTray;
    QCheckBox *m_notifyOffset;
    QDoubleSpinBox *m_threshold;
    QCheckBox *m_notifyUnreachable;
    QComboBox *m_theme;
    QList<QCheckBox *> m_kinds;
    QCheckBox *m_logFile;
    QLineEdit *m_logPath;
    QSpinBox *m_logSize;
    QSpinBox *m_logKeep;
    QSpinBox *m_logCapacity;
    QCheckBox *m_metrics;
    QLineEdit *m_metricsAddress;
    QLabel *m_metricsProblem;
};

} // namespace chronoscope::ui
