// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/statusreason.h"

using namespace Qt::StringLiterals;

namespace chronoscope::engine {

QString StatusReason::seconds(double value)
{
    return QString::number(value, 'g', 17);
}

const QStringList &statusReasonIds()
{
    static const QStringList ids{
        // Conditions (ServerAssociation, SyncEngine for names still resolving); arguments in brackets.
        u"waiting_first_reply"_s,
        u"resolving"_s,             // [host]
        u"resolve_failed"_s,        // [host, error]
        u"key_not_found"_s,         // [key id]
        u"mac_failed"_s,            // [key id, error]
        u"reply_unusable"_s,        // [reject id, detail]
        u"auth_rejected"_s,         // [reject id, detail]
        u"kod_deny"_s,
        u"kod_rstr"_s,
        u"kod_rate"_s,              // [seconds to the next poll]
        u"kod_other"_s,             // [kiss code]
        u"nts_nak_rekey"_s,
        u"nts_ke_running"_s,        // [host, port]
        u"nts_keys_ready"_s,
        u"nts_ke_failed"_s,         // [host, port, NTS reason id, detail]
        u"no_authentic_reply"_s,    // [reject id, detail]
        u"auth_silent"_s,           // [key id, key type]
        u"refused"_s,               // [port]
        u"no_valid_reply"_s,        // [reject id, detail]
        u"network_error"_s,         // [message]
        u"no_reply"_s,              // [requests]
        // Request outcomes (RequestOutcome::detailCode).
        u"reply_timeout"_s,         // [seconds]
        u"only_invalid_replies"_s,  // [reject id, detail]
        // Selection verdicts (stats::selectSources).
        u"noselect"_s,
        u"not_reachable"_s,
        u"no_sample"_s,
        u"server_unsynchronised"_s,
        u"bad_stratum"_s,           // [stratum]
        u"root_distance_high"_s,    // [root distance s, limit s]
        u"jitter_high"_s,           // [jitter s, limit s]
        u"no_majority_servers"_s,   // [usable servers]
        u"disagrees_trusted"_s,
        u"disagrees"_s,             // [agreeing servers]
        u"min_sources"_s,           // [agreeing servers, required]
        u"require_waiting"_s,
        u"prefer_not_combined"_s,
        u"cluster_outlier"_s,       // [offset s]
        // System summaries (stats::selectSources), also min_sources and require_waiting.
        u"no_servers"_s,
        u"no_usable_server"_s,
        u"no_majority"_s,
    };
    return ids;
}

} // namespace chronoscope::engine
