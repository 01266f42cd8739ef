// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fakes/faketimeservicehelper.h"

#include <QTimer>

namespace chronoscope::testing {

namespace ts = protocol::timeservice;

void FakeTimeServiceHelper::setReply(const ts::Response &response)
{
    m_reply = response;
    m_failure.reset();
}

void FakeTimeServiceHelper::setFailure(correction::HelperError error, const QString &detail)
{
    m_failure = qMakePair(error, detail);
}

void FakeTimeServiceHelper::open(bool dryRun)
{
    m_opens.append(dryRun);
}

void FakeTimeServiceHelper::send(const ts::Request &request)
{
    m_requests.append(request);
    if (m_hold) {
        m_pending = request;
        return;
    }
    QTimer::singleShot(0, this, [this, request] { answer(request); });
}

void FakeTimeServiceHelper::release()
{
    m_hold = false;
    if (!m_pending)
        return;
    const ts::Request request = *m_pending;
    m_pending.reset();
    QTimer::singleShot(0, this, [this, request] { answer(request); });
}

void FakeTimeServiceHelper::answer(const ts::Request &request)
{
    if (m_failure) {
        emit failed(m_failure->first, m_failure->second);
        return;
    }
    ts::Response response = m_reply;
    response.requestId = request.requestId;
    response.op = request.op;
    response.daemon = request.daemon;
    emit replied(response);
}

} // namespace chronoscope::testing
