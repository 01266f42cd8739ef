// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QList>
#include <QWidget>

#include "core/diagnostics/exposureprobe.h"
#include "core/diagnostics/reachabilitycheck.h"
#include "core/engine/serverspec.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace chronoscope::ui {

// The "Diagnostics" page: who holds UDP port 123 on this computer and what that means, which
// time services run and whether the kernel calls the clock synchronised, whether the configured
// servers answer (and if not: firewall, DNS, refusal or kiss-o'-death), and the exposure probe
// of one server the user types. Findings come from core/diagnostics; headings, buttons and
// verdicts are translated here, the detailed explanations are core's English text. GUI thread.
class DiagnosticsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsPage)
public:
    // Returns the servers to test when the user asks (the main window's list, read at that moment).
    using ServerSource = std::function<QList<engine::ServerSpec>()>;

    explicit DiagnosticsPage(QWidget *parent = nullptr);
    ~DiagnosticsPage() override;

    // The tab title, "Diagnostics" with its mnemonic.
    static QString title();

    void setServerSource(ServerSource source) { m_serverSource = std::move(source); }
    void setReachabilityOptions(const diagnostics::ReachabilityCheck::Options &options) { m_reachOptions = options; }
    void setProbeWindow(double seconds) { m_probeWindow = seconds; } // seconds to collect replies

    // What the page shows, for tests and accessibility checks.
    QString computerText() const;
    QString reachabilityText() const;
    QString probeNoteText() const;
    QString probeText() const;
    QPushButton *checkComputerButton() const { return m_checkComputer; }
    QPushButton *testServersButton() const { return m_testServers; }
    QPushButton *probeButton() const { return m_probe; }
    QLineEdit *probeTargetEdit() const { return m_probeTarget; }
    QSpinBox *portSpin() const { return m_port; }
    QTreeWidget *serverResults() const { return m_servers; }

public slots:
    // Port and time-service check of this computer (synchronous: reads /proc, a few ms).
    void checkComputer();
    // Starts the reachability check of the servers from the source; no-op while one runs.
    void testServers();
    // Starts the probe of the text in the target field; false (with the reason shown) when the
    // text is not HOST[:PORT] or a probe is already running.
    bool startProbe();

signals:
    void computerChecked();
    void reachabilityFinished(const chronoscope::diagnostics::ReachabilityFindings &findings);
    void probeFinished(const chronoscope::diagnostics::ExposureFindings &findings);

protected:
    // The first time the page is shown it checks this computer (cheap, read-only).
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createComputerGroup();
    QWidget *createServersGroup();
    QWidget *createProbeGroup();
    void showReachability(const diagnostics::ReachabilityFindings &findings);
    void showProbe(const diagnostics::ExposureFindings &findings);

    ServerSource m_serverSource;
    diagnostics::ReachabilityCheck::Options m_reachOptions;
    double m_probeWindow = diagnostics::ExposureProbe::DEFAULT_WINDOW;
    diagnostics::ReachabilityCheck m_check;
    diagnostics::ExposureProbe m_prober;

    QSpinBox *m_port = nullptr;
    QPushButton *m_checkComputer = nullptr;
    QLabel *m_computer = nullptr;
    QPushButton *m_testServers = nullptr;
    QTreeWidget *m_servers = nullptr;
    QLabel *m_conclusion = nullptr;
    QLineEdit *m_probeTarget = nullptr;
    QPushButton *m_probe = nullptr;
    QLabel *m_probeNote = nullptr;
    QLabel *m_probeResult = nullptr;
    bool m_computerChecked = false;
};

} // namespace chronoscope::ui
