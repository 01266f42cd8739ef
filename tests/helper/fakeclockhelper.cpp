// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/helper/fakeclockhelper.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace chronoscope::testing {

void FakeClockHelper::open(protocol::Verb verb, bool dryRun)
{
    m_opened.append(verb);
    m_dryRun = dryRun;
}

void FakeClockHelper::send(const protocol::Request &request)
{
    m_requests.append(request);
    QTimer::singleShot(0, this, [this, request] { answer(request); });
}

void FakeClockHelper::answer(const protocol::Request &request)
{
    if (m_mode == Mode::Cancel) {
        emit failed(correction::HelperError::Cancelled, u"the authentication dialog was dismissed"_s);
        return;
    }
    protocol::Response response;
    response.requestId = request.requestId;
    response.op = request.op;
    response.flags = m_dryRun ? protocol::RESPONSE_DRY_RUN : 0;
    response.realtimeBeforeNs = 1'893'456'000'000'000'000;
    if (request.op == protocol::Op::Hello) {
        response.info.capabilities = protocol::CAP_STEP | protocol::CAP_SLEW | protocol::CAP_READ_STATE;
        emit replied(response);
        return;
    }
    if (m_mode == Mode::Refuse) {
        response.status = m_refusal;
    } else if (m_mode == Mode::FailErrno) {
        response.status = protocol::Status::Failed;
        response.sysErrno = m_error;
    } else {
        response.appliedNs = request.offsetNs;
        response.realtimeAfterNs = response.realtimeBeforeNs + request.offsetNs;
    }
    emit replied(response);
}

} // namespace chronoscope::testing
