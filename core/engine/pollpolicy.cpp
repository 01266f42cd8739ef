// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/pollpolicy.h"

#include <algorithm>
#include <cmath>

#include <QRandomGenerator>

#include "core/ntp/clockmath.h"
#include "core/ntp/ntpconstants.h"

namespace chronoscope::engine {

bool isLocalNetworkAddress(const QHostAddress &address)
{
    if (address.isLoopback() || address.isLinkLocal() || address.isUniqueLocalUnicast())
        return true;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (!isV4)
        return false;
    return (v4 >> 24) == 10                       // 10.0.0.0/8
        || (v4 >> 20) == ((172u << 4) | 1u)       // 172.16.0.0/12
        || (v4 >> 16) == ((192u << 8) | 168u);    // 192.168.0.0/16
}

PollPolicy::PollPolicy(const QHostAddress &address, int minPollLog2, int maxPollLog2, bool iburst,
                       std::optional<double> fixedInterval, bool allowFastPolling)
    : m_iburst(iburst), m_fixed(fixedInterval), m_fast(allowFastPolling || isLocalNetworkAddress(address))
{
    const int floor = m_fast ? ntp::LOCAL_MINPOLL_FLOOR : ntp::PUBLIC_MINPOLL_FLOOR;
    m_minPollLog2 = std::clamp(minPollLog2, floor, 17);
    m_maxPollLog2 = std::clamp(maxPollLog2, m_minPollLog2, 17);
    m_pollLog2 = m_minPollLog2;
}

double PollPolicy::intervalAfter(int requestIndex) const
{
    if (m_fixed) {
        if (m_burstCancelled) // after a RATE kiss the server's wishes win over the request
            return std::max(*m_fixed, ntp::log2ToSeconds(m_pollLog2));
        if (m_fast)
            return std::max(*m_fixed, MIN_LOCAL_INTERVAL);
        if (requestIndex + 1 < PUBLIC_BURST_REQUESTS)
            return std::max(*m_fixed, PUBLIC_MIN_BURST_SPACING);
        return std::max(*m_fixed, ntp::log2ToSeconds(m_pollLog2));
    }
    if (m_iburst && !m_burstCancelled && requestIndex + 1 < ntp::IBURST_COUNT)
        return ntp::BURST_SPACING;
    // Spread polls by a random factor in [1, 1.06) like ntpsec, so clients do not synchronise.
    const double spread = 1.0 + 0.06 * QRandomGenerator::global()->generateDouble();
    return ntp::log2ToSeconds(m_pollLog2) * spread;
}

int PollPolicy::effectivePollLog2(int requestIndex) const
{
    if (!m_fixed)
        return m_pollLog2;
    return int(std::lround(std::log2(intervalAfter(requestIndex))));
}

void PollPolicy::onGoodSample()
{
    m_missedInRow = 0;
    if (++m_goodInRow >= ntp::NSTAGE) {
        m_goodInRow = 0;
        m_pollLog2 = std::min(m_pollLog2 + 1, m_maxPollLog2);
    }
}

void PollPolicy::onMissedReply()
{
    m_goodInRow = 0;
    // After a full filter's worth of misses, back off one step per further miss (RFC 5905 §13).
    if (++m_missedInRow >= ntp::NSTAGE)
        m_pollLog2 = std::min(m_pollLog2 + 1, m_maxPollLog2);
}

void PollPolicy::onRateKiss(int serverPollLog2)
{
    m_burstCancelled = true;
    m_goodInRow = 0;
    const int raised = std::max(m_pollLog2 + 1, serverPollLog2);
    m_pollLog2 = std::clamp(raised, m_minPollLog2, std::max(m_maxPollLog2, m_minPollLog2));
    m_minPollLog2 = std::max(m_minPollLog2, std::min(m_pollLog2, m_maxPollLog2));
}

} // namespace chronoscope::engine
