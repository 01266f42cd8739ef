// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QList>
#include <QPointer>
#include <QWidget>

#include "core/config/configuredserver.h"
#include "core/engine/enginesnapshot.h"
#include "core/sysservice/systemservicereader.h"
#include "core/sysservice/systemservicereading.h"

class QLabel;
class QPushButton;
class QThread;
class QTreeWidget;

namespace chronoscope::engine {
class EngineSession;
}
namespace chronoscope::sysservice {
class TimeServiceHelper;
}

namespace chronoscope::ui {

class TimeServiceDialog;

// The "System Time Service" page: which daemon disciplines this computer's clock (chronyd, ntpd
// or systemd-timesyncd, found as `chronoscope-cli system` finds it), the source it follows, its
// offset, frequency, stratum and leap status, and its sources with their states in words beside
// Chronoscope's own measurement of the same servers, with a plain-language verdict where they
// disagree. Reading the daemon blocks for up to a few seconds, so it runs in a worker thread;
// the page shows "Reading…" meanwhile. Reading changes nothing; "Apply Chronoscope's servers to
// <daemon>…" and "Revert…" change the daemon's configuration through the helper, each after a
// confirmation (TimeServiceDialog), and the page reads the daemon again after a success. When
// chronyd's socket is not readable by this user, "Read Through the Helper…" reads it once through
// the helper (HelperCmdmonTransport, HELPER.md §4.5) and the summary says so.
class SystemServicePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemServicePage)
public:
    explicit SystemServicePage(QWidget *parent = nullptr);
    ~SystemServicePage() override;

    static QString title();

    // Chronoscope's measurement to compare with: the session's snapshots as they arrive.
    void attachSession(const engine::EngineSession *session);
    // Where to look (tests: a fixture's socket; the app: the defaults).
    void setReaderOptions(const sysservice::SystemServiceReaderOptions &options) { m_options = options; }
    // What reads the daemon (runs in the worker thread); default readSystemService (tests: a
    // fake that refuses the socket and reads through the real helper).
    using Reader = std::function<sysservice::SystemServiceReading(const sysservice::SystemServiceReaderOptions &)>;
    void setReader(Reader reader) { m_reader = std::move(reader); }
    // Chronoscope's server list (the app: the ServerListController's) for "Apply…".
    void setServerSource(std::function<QList<config::ConfiguredServer>()> source);
    // The helper that applies and reverts (ProcessTimeServiceHelper in the app); without one the
    // two actions stay disabled. Must outlive the page.
    void setTimeServiceHelper(sysservice::TimeServiceHelper *helper);

    // What the page shows, for tests.
    const sysservice::SystemServiceReading &reading() const { return m_reading; }
    QString summaryText() const;
    QString verdictText() const;
    QString problemText() const;
    QTreeWidget *sourceTree() const { return m_sources; }
    QPushButton *refreshButton() const { return m_refresh; }
    // Shown only when chronyd's socket is not readable by this user (or reading through the
    // helper failed): reads it once through the helper (issue 15 item 1).
    QPushButton *readThroughHelperButton() const { return m_readThroughHelper; }
    QPushButton *applyServersButton() const { return m_applyServers; }
    QPushButton *revertServersButton() const { return m_revertServers; }
    TimeServiceDialog *timeServiceDialog() const;
    bool isReading() const { return m_worker != nullptr; }

public slots:
    // Reads the daemon again (no-op while a reading runs).
    void refresh();
    // Reads chronyd once through the helper (a password prompt; read-only). Refresh reads
    // directly again, so that no prompt ever comes without this button.
    void readThroughHelper();
    // Opens the confirmation for applying Chronoscope's servers / reverting them.
    void applyServers();
    void revertServers();
    // Enables or disables Apply/Revert (with a tooltip that says why); call when the list changes.
    void updateConfigureActions();

signals:
    void readingFinished();

protected:
    // The first time the page is shown it reads the daemon.
    void showEvent(QShowEvent *event) override;

private:
    void startReading(bool throughHelper);
    void showReading(const sysservice::SystemServiceReading &reading);
    void updateComparison();
    TimeServiceDialog *openDialog();

    sysservice::SystemServiceReaderOptions m_options;
    sysservice::SystemServiceReading m_reading;
    engine::EngineSnapshot m_snapshot;
    QThread *m_worker = nullptr;
    bool m_shownOnce = false;
    QLabel *m_summary = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_verdict = nullptr;
    QTreeWidget *m_sources = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_readThroughHelper = nullptr;
    Reader m_reader;
    QPushButton *m_applyServers = nullptr;
    QPushButton *m_revertServers = nullptr;
    std::function<QList<config::ConfiguredServer>()> m_serverSource;
    sysservice::TimeServiceHelper *m_timeServiceHelper = nullptr;
    QPointer<TimeServiceDialog> m_dialog;
};

} // namespace chronoscope::ui
