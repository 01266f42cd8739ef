// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QHostAddress>

namespace chronoscope::engine {

// True for loopback, link-local and private (RFC 1918, RFC 4193 ULA) addresses: the only ones we
// poll faster than the public-server etiquette allows without an explicit opt-in.
bool isLocalNetworkAddress(const QHostAddress &address);

// How often one association sends requests (seconds between requests).
//
// - Fixed interval (CLI --interval): as requested for local addresses (down to 1/16 s) or with
//   allowFastPolling; for public addresses at least 2 s within the first burst of
//   PUBLIC_BURST_REQUESTS requests and at least 2^minpoll (64 s) after it (RFC 8633, pool rules).
// - Otherwise (GUI): an initial iburst at 2 s spacing, then 2^poll with poll adapting between
//   minpoll and maxpoll (public minpoll never below 6), with a random factor in [1, 1.06).
class PollPolicy
{
public:
    static constexpr int PUBLIC_BURST_REQUESTS = 8;
    static constexpr double PUBLIC_MIN_BURST_SPACING = 2.0;
    static constexpr double MIN_LOCAL_INTERVAL = 1.0 / 16.0;

    PollPolicy(const QHostAddress &address, int minPollLog2, int maxPollLog2, bool iburst,
               std::optional<double> fixedInterval, bool allowFastPolling);

    // Seconds to wait before request number `requestIndex` + 1 (after request `requestIndex`,
    // counted from 0). Includes the random spread for adaptive polling.
    double intervalAfter(int requestIndex) const;

    int pollLog2() const { return m_pollLog2; }
    // log2 of the interval actually used after request `requestIndex` (rounded), for display.
    int effectivePollLog2(int requestIndex) const;
    int minPollLog2() const { return m_minPollLog2; }
    int maxPollLog2() const { return m_maxPollLog2; }
    bool fastPollingAllowed() const { return m_fast; }

    // A good sample arrived: after enough of them in a row, lengthen the poll interval.
    void onGoodSample();
    // A request went unanswered: back off one step after several misses.
    void onMissedReply();
    // Kiss-o'-Death RATE: raise the minimum poll (and the current poll) at least to the
    // server's advertised poll and one step above the current one; ends any burst.
    void onRateKiss(int serverPollLog2);
    bool burstCancelled() const { return m_burstCancelled; }

private:
    int m_minPollLog2;
    int m_maxPollLog2;
    int m_pollLog2;
    bool m_iburst;
    std::optional<double> m_fixed;
    bool m_fast;
    int m_goodInRow = 0;
    int m_missedInRow = 0;
    bool m_burstCancelled = false;
};

} // namespace chronoscope::engine
