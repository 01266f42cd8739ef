// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>

#include "core/sysservice/timeservicehelper.h"

namespace chronoscope::testing {

// A TimeServiceHelper that answers in-process and asynchronously (like the real one) with a
// scripted reply or failure, and records what it was asked. With hold(), it answers only when
// release() is called, so tests can look at the busy state. Touches no file and no daemon.
class FakeTimeServiceHelper final : public sysservice::TimeServiceHelper
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeTimeServiceHelper)
public:
    explicit FakeTimeServiceHelper(QObject *parent = nullptr) : TimeServiceHelper(parent) { }

    // The next replies: this response (requestId, op and daemon are taken from the request).
    void setReply(const protocol::timeservice::Response &response);
    // ... or this failure instead of a reply.
    void setFailure(correction::HelperError error, const QString &detail);
    void hold() { m_hold = true; }
    void release();

    void open(bool dryRun) override;
    void send(const protocol::timeservice::Request &request) override;
    void close() override { ++m_closed; }
    QString diagnostics() const override { return m_diagnostics; }
    void setDiagnostics(const QString &text) { m_diagnostics = text; }

    const QList<protocol::timeservice::Request> &requests() const { return m_requests; }
    const QList<bool> &opens() const { return m_opens; }   // dryRun of each open()
    int closed() const { return m_closed; }
    bool isHolding() const { return m_pending.has_value(); }

private:
    void answer(const protocol::timeservice::Request &request);

    protocol::timeservice::Response m_reply;
    std::optional<QPair<correction::HelperError, QString>> m_failure;
    std::optional<protocol::timeservice::Request> m_pending;
    QList<protocol::timeservice::Request> m_requests;
    QList<bool> m_opens;
    QString m_diagnostics;
    bool m_hold = false;
    int m_closed = 0;
};

} // namespace chronoscope::testing
