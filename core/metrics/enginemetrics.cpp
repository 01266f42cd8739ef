// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/metrics/enginemetrics.h"

#include <bit>
#include <cmath>
#include <functional>
#include <optional>

#include "core/engine/serverstate.h"
#include "core/metrics/metricswriter.h"

using namespace Qt::StringLiterals;

namespace chronoscope::metrics {
namespace {

using engine::ServerStatus;

Labels gaugeLabels(const ServerStatus &s)
{
    return {{"server", s.name}, {"address", s.address}, {"state", engine::serverStateId(s.state)}};
}

Labels counterLabels(const ServerStatus &s)
{
    return {{"server", s.name}, {"address", s.address}};
}

Labels with(Labels labels, const QByteArray &name, const QString &value)
{
    labels.append({name, value});
    return labels;
}

// One gauge family over every server that has a value for it.
void serverGauge(MetricsWriter &w, const QList<ServerStatus> &servers, const QByteArray &name, const QByteArray &help,
                 const QByteArray &unit, const std::function<std::optional<double>(const ServerStatus &)> &value)
{
    w.family(name, MetricType::Gauge, help, unit);
    for (const ServerStatus &s : servers)
        if (const std::optional<double> v = value(s))
            w.sample(gaugeLabels(s), *v);
}

void serverCounter(MetricsWriter &w, const QList<ServerStatus> &servers, const QByteArray &name, const QByteArray &help,
                   const std::function<quint64(const ServerStatus &)> &value)
{
    w.family(name, MetricType::Counter, help);
    for (const ServerStatus &s : servers)
        w.sample(counterLabels(s), value(s));
}

void systemGauge(MetricsWriter &w, const QByteArray &name, const QByteArray &help, const QByteArray &unit,
                 std::optional<double> value)
{
    if (!value)
        return;
    w.family(name, MetricType::Gauge, help, unit);
    w.sample(Labels{}, *value);
}

quint64 count(int n)
{
    return n > 0 ? quint64(n) : 0;
}

void writeServers(MetricsWriter &w, const MetricsState &state)
{
    // Pools expand to as many addresses as DNS returns: only the first maxExportedServers
    // (by id) get series, so no answer can make the label set grow without bound.
    const QList<ServerStatus> servers = state.snapshot.servers.mid(0, maxExportedServers);
    w.family("chronoscope_metrics_servers_omitted", MetricType::Gauge,
             "Servers left out of these metrics because there are more than the exporter's limit.");
    w.sample(Labels{}, quint64(state.snapshot.servers.size() - servers.size()));
    w.family("chronoscope_server_state", MetricType::Info,
             "The server's standing after selection (sys_peer, candidate, falseticker, ...), value 1.");
    for (const ServerStatus &s : servers)
        w.sample(gaugeLabels(s), 1.0);

    serverGauge(w, servers, "chronoscope_server_offset_seconds",
                "Clock filter offset of the server, seconds (positive: local clock behind).", "seconds",
                [](const ServerStatus &s) -> std::optional<double> { return s.filter ? std::optional(s.filter->offset) : std::nullopt; });
    serverGauge(w, servers, "chronoscope_server_delay_seconds", "Clock filter round-trip delay, seconds.", "seconds",
                [](const ServerStatus &s) -> std::optional<double> { return s.filter ? std::optional(s.filter->delay) : std::nullopt; });
    serverGauge(w, servers, "chronoscope_server_jitter_seconds", "Clock filter jitter, seconds.", "seconds",
                [](const ServerStatus &s) -> std::optional<double> { return s.filter ? std::optional(s.filter->jitter) : std::nullopt; });
    serverGauge(w, servers, "chronoscope_server_dispersion_seconds", "Clock filter dispersion, seconds.", "seconds",
                [](const ServerStatus &s) -> std::optional<double> {
                    return s.filter ? std::optional(s.filter->dispersion) : std::nullopt;
                });
    serverGauge(w, servers, "chronoscope_server_root_distance_seconds",
                "Root distance (root delay / 2 + root dispersion + delay / 2 + dispersion + jitter), seconds.",
                "seconds", [](const ServerStatus &s) { return s.rootDistance; });
    serverGauge(w, servers, "chronoscope_server_stratum", "Stratum of the server's last accepted reply.", {},
                [](const ServerStatus &s) -> std::optional<double> {
                    return s.stratum >= 0 ? std::optional(double(s.stratum)) : std::nullopt;
                });
    serverGauge(w, servers, "chronoscope_server_poll_interval_seconds", "Current poll interval (2^poll), seconds.",
                "seconds", [](const ServerStatus &s) -> std::optional<double> { return std::ldexp(1.0, s.pollLog2); });
    serverGauge(w, servers, "chronoscope_server_reachability_ratio",
                "Share of the last 8 polls that were answered (reach register), 0 to 1.", "ratio",
                [](const ServerStatus &s) -> std::optional<double> { return std::popcount(s.reach) / 8.0; });
    serverGauge(w, servers, "chronoscope_server_authenticated",
                "1 when requests carry a key (or NTS) and replies verified with it, else 0.", {},
                [](const ServerStatus &s) -> std::optional<double> {
                    return (s.keyId != 0 || s.nts) && s.authenticatedReplies > 0 ? 1.0 : 0.0;
                });
    serverGauge(w, servers, "chronoscope_server_nts_cookies",
                "NTS cookies held for the server (NTS servers only; 8 when the pool is full, 0: a new key "
                "exchange is needed).", {},
                [](const ServerStatus &s) -> std::optional<double> {
                    return s.nts ? std::optional(double(s.nts->cookiesHeld)) : std::nullopt;
                });

    serverCounter(w, servers, "chronoscope_server_requests_sent", "Requests sent to the server.",
                  [](const ServerStatus &s) { return count(s.requestsSent); });
    serverCounter(w, servers, "chronoscope_server_samples_accepted", "Replies accepted as samples.",
                  [](const ServerStatus &s) { return count(s.repliesAccepted); });
    serverCounter(w, servers, "chronoscope_server_timeouts", "Requests that got no valid reply in time.",
                  [](const ServerStatus &s) { return count(s.timeouts); });
    serverCounter(w, servers, "chronoscope_server_authenticated_replies", "Replies whose MAC verified.",
                  [](const ServerStatus &s) { return count(s.authenticatedReplies); });

    w.family("chronoscope_server_samples_rejected", MetricType::Counter,
             "Datagrams from the server rejected, by reason (the validator's reason ids).");
    for (const ServerStatus &s : servers)
        for (auto it = s.rejections.cbegin(); it != s.rejections.cend(); ++it)
            w.sample(with(counterLabels(s), "reason", it.key()), count(it.value()));

    w.family("chronoscope_server_kiss_codes_received", MetricType::Counter,
             "Kiss-o'-death replies received, by code (unknown codes count as \"other\").");
    for (const ServerStatus &s : servers) {
        const auto kisses = state.kissesByServer.constFind(s.id);
        if (kisses == state.kissesByServer.cend())
            continue;
        for (auto it = kisses->cbegin(); it != kisses->cend(); ++it)
            w.sample(with(counterLabels(s), "code", it.key()), it.value());
    }
}

void writeSystem(MetricsWriter &w, const engine::EngineSnapshot &snapshot)
{
    const engine::SystemStatus &system = snapshot.system;
    w.family("chronoscope_system_synchronized", MetricType::Gauge,
             "1 when enough servers agree to give a system time, else 0.");
    w.sample(Labels{}, system.synchronized ? 1.0 : 0.0);
    systemGauge(w, "chronoscope_system_offset_seconds", "Combined offset of the survivors, seconds (positive: local clock behind).",
                "seconds", system.offset);
    systemGauge(w, "chronoscope_system_jitter_seconds", "Combined jitter of the survivors, seconds.", "seconds", system.jitter);
    systemGauge(w, "chronoscope_system_error_bound_seconds",
                "Bound on the local clock's error: |offset| + root dispersion + root delay / 2, seconds.", "seconds",
                system.errorBound);
    systemGauge(w, "chronoscope_system_root_delay_seconds", "Root delay of the system peer, seconds.", "seconds",
                system.rootDelay);
    systemGauge(w, "chronoscope_system_root_dispersion_seconds", "Root dispersion of the system result, seconds.", "seconds",
                system.rootDispersion);
    systemGauge(w, "chronoscope_system_frequency_ppm",
                "Frequency of the local clock against the survivors, ppm (positive: gains); once meaningful.", "ppm",
                system.driftMeaningful ? system.freqPpm : std::nullopt);
    systemGauge(w, "chronoscope_system_survivors", "Servers that survived selection and clustering.", {},
                double(system.survivors));

    const ServerStatus *peer = nullptr;
    for (const ServerStatus &s : snapshot.servers)
        if (s.state == engine::ServerState::SysPeer && s.name == system.sysPeer)
            peer = &s;
    // 0 no warning, 1 insert, 2 delete a second, 3 unsynchronised (the NTP leap indicator).
    const int leap = system.synchronized && peer && peer->lastMeasurement ? int(peer->lastMeasurement->leap) : 3;
    w.family("chronoscope_system_leap_status", MetricType::Gauge,
             "Leap indicator of the system peer: 0 none, 1 insert second, 2 delete second, 3 unsynchronised.");
    w.sample(Labels{}, double(leap));
    w.family("chronoscope_system_selected_server", MetricType::Info, "The system peer (absent when there is none), value 1.");
    if (peer)
        w.sample(Labels{{"server", peer->name}, {"address", peer->address}}, 1.0);
}

} // namespace

QByteArray renderEngineMetrics(const MetricsState &state, MetricsFormat format)
{
    MetricsWriter w(format);
    w.family("chronoscope_build", MetricType::Info, "Chronoscope's version and the Qt it runs on, value 1.");
    w.sample(Labels{{"version", QStringLiteral(CHRONOSCOPE_VERSION)}, {"qt_version", QString::fromLatin1(qVersion())}}, 1.0);
    writeServers(w, state);
    writeSystem(w, state.snapshot);

    w.family("chronoscope_metrics_http_requests", MetricType::Counter, "Scrapes of /metrics answered.");
    w.sample(Labels{}, state.httpRequests);
    w.family("chronoscope_metrics_http_rejected", MetricType::Counter,
             "HTTP connections or requests refused by the metrics responder, by reason.");
    for (auto it = state.httpRejections.cbegin(); it != state.httpRejections.cend(); ++it)
        w.sample(Labels{{"reason", it.key()}}, it.value());
    return w.finish();
}

} // namespace chronoscope::metrics
