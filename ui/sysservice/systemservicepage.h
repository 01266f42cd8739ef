// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

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

namespace chronoscope::ui {

// The "System Time Service" page: which daemon disciplines this computer's clock (chronyd, ntpd
// or systemd-timesyncd, found as `chronoscope-cli system` finds it), the source it follows, its
// offset, frequency, stratum and leap status, and its sources with their states in words beside
// Chronoscope's own measurement of the same servers, with a plain-language verdict where they
// disagree. Reading the daemon blocks for up to a few seconds, so it runs in a worker thread;
// the page shows "Reading…" meanwhile. Read-only: nothing is changed in the daemon.
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

    // What the page shows, for tests.
    const sysservice::SystemServiceReading &reading() const { return m_reading; }
    QString summaryText() const;
    QString verdictText() const;
    QString problemText() const;
    QTreeWidget *sourceTree() const { return m_sources; }
    QPushButton *refreshButton() const { return m_refresh; }
    bool isReading() const { return m_worker != nullptr; }

public slots:
    // Reads the daemon again (no-op while a reading runs).
    void refresh();

signals:
    void readingFinished();

protected:
    // The first time the page is shown it reads the daemon.
    void showEvent(QShowEvent *event) override;

private:
    void showReading(const sysservice::SystemServiceReading &reading);
    void updateComparison();

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
};

} // namespace chronoscope::ui
