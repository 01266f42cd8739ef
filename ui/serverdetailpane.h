// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QHash>
#include <QWidget>

#include "core/engine/serverstatus.h"

class QLabel;
class QTableView;

namespace chronoscope::ui {

class FilterStageModel;

// Everything about one server: header fields, the last exchange's T1–T4, the eight clock-filter
// samples with the chosen one marked, the RFC 5905 tests applied to the last reply, rejection
// counters by reason and the last kiss-o'-death.
class ServerDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerDetailPane)
public:
    explicit ServerDetailPane(QWidget *parent = nullptr);

    // Shows `status` (or a hint when nullopt); the test results are those of its most recent
    // reply, rejected datagram or failed request.
    void showServer(const std::optional<engine::ServerStatus> &status, double now);
    int shownServerId() const { return m_serverId; }
    FilterStageModel *stageModel() const { return m_stages; }
    // The title line ("name — state: reason"), for tests.
    QString titleText() const;
    // The rendered test list (rich text), for tests.
    QString testsText() const;
    QString rejectionsText() const;
    QString timestampsText() const;
    // The NTS section (empty and hidden for servers without NTS).
    QString ntsText() const;

private:
    QString headerHtml(const engine::ServerStatus &s) const;
    // The most recent thing that happened to a request, as far as the tests are concerned.
    struct LastOutcome
    {
        double time = 0;
        bool accepted = false;
        bool timedOut = false;
        QString reasonId;
        QString detail;
        engine::StatusReason detailCode; // the detail as an id, where core has one
    };
    static std::optional<LastOutcome> lastOutcome(const engine::ServerStatus &s);
    QString testsHtml(const std::optional<LastOutcome> &event) const;

    int m_serverId = -1;
    QLabel *m_title;
    QLabel *m_fields;
    QLabel *m_timestamps;
    QLabel *m_tests;
    QLabel *m_rejections;
    QLabel *m_nts;
    QWidget *m_ntsBox = nullptr;
    QTableView *m_stageView;
    FilterStageModel *m_stages;
};

} // namespace chronoscope::ui
