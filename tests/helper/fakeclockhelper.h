// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include "core/correction/clockhelper.h"

namespace chronoscope::testing {

// A ClockHelper that answers in-process, asynchronously (like the real one), and records what
// it was asked. Scripted: accept, have the password prompt dismissed, refuse with a status, or
// fail the OS call with an errno. Touches no clock at all.
class FakeClockHelper final : public correction::ClockHelper
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeClockHelper)
public:
    enum class Mode { Accept, Cancel, Refuse, FailErrno };

    explicit FakeClockHelper(QObject *parent = nullptr) : ClockHelper(parent) { }

    void setMode(Mode mode, protocol::Status refusal = protocol::Status::RateLimited, int error = 1)
    {
        m_mode = mode;
        m_refusal = refusal;
        m_error = error;
    }

    void open(protocol::Verb verb, bool dryRun) override;
    void send(const protocol::Request &request) override;
    void close() override { ++m_closed; }

    const QList<protocol::Verb> &opened() const { return m_opened; }
    const QList<protocol::Request> &requests() const { return m_requests; }
    bool lastOpenWasDryRun() const { return m_dryRun; }
    int closed() const { return m_closed; }

private:
    void answer(const protocol::Request &request);

    Mode m_mode = Mode::Accept;
    protocol::Status m_refusal = protocol::Status::RateLimited;
    int m_error = 1;
    bool m_dryRun = false;
    int m_closed = 0;
    QList<protocol::Verb> m_opened;
    QList<protocol::Request> m_requests;
};

} // namespace chronoscope::testing
