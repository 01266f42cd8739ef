// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sysservice/systemservicecomparison.h"

#include <cmath>

#include <QCoreApplication>

#include "ui/statecolors.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {
namespace {

// The engine's status of the server at `address`; with several (same address, other ports),
// the one that has a sample.
const engine::ServerStatus *findServer(const engine::EngineSnapshot &snapshot, const QString &address)
{
    const engine::ServerStatus *found = nullptr;
    for (const engine::ServerStatus &server : snapshot.servers) {
        if (address.isEmpty() || server.address != address)
            continue;
        if (!found || (!found->hasSample() && server.hasSample()))
            found = &server;
    }
    return found;
}

bool agreesInChronoscope(engine::ServerState state)
{
    return state == engine::ServerState::SysPeer || state == engine::ServerState::Candidate
        || state == engine::ServerState::Outlier;
}

} // namespace

QString SystemServiceComparison::distanceText(double seconds)
{
    const double a = std::abs(seconds);
    if (a >= 1)
        return tr("%1 s").arg(QString::number(a, 'f', 3));
    if (a >= 1e-3)
        return tr("%1 ms").arg(QString::number(a * 1e3, 'f', 1));
    return tr("%1 µs").arg(QString::number(a * 1e6, 'f', a < 1e-5 ? 1 : 0));
}

SystemServiceComparison SystemServiceComparison::compare(const sysservice::SystemServiceReading &reading,
                                                         const engine::EngineSnapshot &snapshot)
{
    SystemServiceComparison c;
    const bool haveMajority = snapshot.system.synchronized && snapshot.system.offset.has_value();
    const double majority = haveMajority ? *snapshot.system.offset : 0.0;   // s, positive: this clock behind
    int measured = 0;
    for (const sysservice::SystemServiceSource &source : reading.sources) {
        Row row;
        row.source = source;
        if (const engine::ServerStatus *server = findServer(snapshot, source.address)) {
            row.measured = true;
            ++measured;
            row.ourState = server->state;
            if (server->filter)
                row.ourOffset = server->filter->offset;
            if (row.ourOffset && haveMajority)
                row.fromMajority = *row.ourOffset - majority;
        }
        const bool far = row.ourState == engine::ServerState::Falseticker
            || (row.fromMajority && std::abs(*row.fromMajority) > FAR_SECONDS);
        if (!row.measured)
            row.comparison = tr("not measured by Chronoscope");
        else if (!row.fromMajority)
            row.comparison = tr("Chronoscope: %1").arg(stateName(row.ourState));
        else if (far)
            row.comparison = tr("%1 away from the majority (Chronoscope: %2)")
                                 .arg(distanceText(*row.fromMajority), stateName(row.ourState));
        else
            row.comparison = tr("agrees, %1 from the majority (Chronoscope: %2)")
                                 .arg(distanceText(*row.fromMajority), stateName(row.ourState));

        // Disagreements, in plain words.
        const QString who = source.address.isEmpty() ? source.name : source.address;
        if (row.measured && row.fromMajority) {
            if (far && source.state == u"selected"_s) {
                c.m_verdicts.append(tr("%1 follows %2, which Chronoscope measures %3 away from the majority.")
                                        .arg(reading.daemon, who, distanceText(*row.fromMajority)));
            } else if (far && source.state == u"combined"_s) {
                c.m_verdicts.append(tr("%1 combines %2 into its time, which Chronoscope measures %3 away from the majority.")
                                        .arg(reading.daemon, who, distanceText(*row.fromMajority)));
            } else if (!far && source.state == u"falseticker"_s && agreesInChronoscope(row.ourState)) {
                c.m_verdicts.append(tr("%1 rejects %2 as a falseticker, but Chronoscope finds it within %3 of the majority.")
                                        .arg(reading.daemon, who, distanceText(*row.fromMajority)));
            }
        }
        c.m_rows.append(row);
    }
    c.m_disagrees = !c.m_verdicts.isEmpty();
    if (c.m_disagrees)
        return c;
    if (reading.sources.isEmpty())
        c.m_verdicts.append(tr("%1 reports no sources.").arg(reading.daemon));
    else if (measured == 0)
        c.m_verdicts.append(tr("Chronoscope does not measure any of %1's sources: add them to the server list to compare.")
                                .arg(reading.daemon));
    else if (!haveMajority)
        c.m_verdicts.append(tr("Chronoscope has no majority yet to compare with."));
    else if (!reading.selectedAddress.isEmpty() && findServer(snapshot, reading.selectedAddress))
        c.m_verdicts.append(tr("%1 and Chronoscope agree: %1 follows %2, which Chronoscope finds in the majority.")
                                .arg(reading.daemon, reading.selectedAddress));
    else
        c.m_verdicts.append(tr("%1 and Chronoscope agree about the sources both measure.").arg(reading.daemon));
    return c;
}

} // namespace chronoscope::ui
