// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/texts/reasontexts.h"

#include <cmath>

#include <QHash>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace chronoscope::texts {
namespace {

// Sentences with their number of arguments; %n placeholders follow engine::statusReasonIds().
struct Sentence
{
    const char *text;
    int arguments;
};

const QHash<QString, Sentence> &sentences()
{
    static const QHash<QString, Sentence> table{
        {u"waiting_first_reply"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "waiting for the first reply"), 0}},
        //: %1 host name
        {u"resolving"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "resolving %1"), 1}},
        //: %1 host name, %2 error from the resolver
        {u"resolve_failed"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "could not resolve '%1': %2"), 2}},
        {u"key_not_found"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "key %1 is not in the key store or key file; nothing is sent without it"), 1}},
        {u"mac_failed"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "cannot compute the MAC with key %1: %2"), 2}},
        //: %1 why the reply was rejected, %2 detail
        {u"reply_unusable"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "reply not usable: %1 (%2)"), 2}},
        {u"auth_rejected"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "authentication failed: %1 (%2)"), 2}},
        {u"kod_deny"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "server denied access (kiss code DENY); no longer polling it"), 0}},
        {u"kod_rstr"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "server restricts access (kiss code RSTR); no longer polling it"), 0}},
        //: %1 duration, e.g. "64 s"
        {u"kod_rate"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "server asked us to poll less often (kiss code RATE); next poll in %1"), 1}},
        {u"kod_other"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "server sent kiss code %1"), 1}},
        {u"nts_nak_rekey"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "the server no longer accepts our NTS cookies; negotiating new keys"), 0}},
        //: %1 host, %2 port
        {u"nts_ke_running"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "NTS key exchange with %1 port %2"), 2}},
        {u"nts_keys_ready"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "NTS keys negotiated; waiting for the first authentic reply"), 0}},
        //: %1 host, %2 port, %3 why, %4 detail
        {u"nts_ke_failed"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "NTS key exchange with %1 port %2 failed: %3 (%4)"), 4}},
        {u"no_authentic_reply"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "no authentic reply; rejected: %1 (%2)"), 2}},
        //: %1 key id, %2 key type
        {u"auth_silent"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "no reply to requests authenticated with key %1 (%2): the key is likely wrong or unknown to the server, or the server is down"), 2}},
        {u"refused"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "connection refused: nothing answers NTP on port %1"), 1}},
        {u"no_valid_reply"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "no valid reply; rejected: %1 (%2)"), 2}},
        {u"network_error"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "network error: %1"), 1}},
        //: %n number of requests (1 to 8)
        {u"no_reply"_s, {QT_TRANSLATE_N_NOOP("ReasonTexts", "no reply to the last %n request(s)"), 1}},
        //: %1 duration, e.g. "1 s"
        {u"reply_timeout"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "no reply within %1"), 1}},
        {u"only_invalid_replies"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "only invalid replies: %1 (%2)"), 2}},
        {u"noselect"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "measured but never used (noselect)"), 0}},
        {u"not_reachable"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "not reachable"), 0}},
        {u"no_sample"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "no valid sample yet"), 0}},
        {u"server_unsynchronised"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "the server says its clock is not synchronised"), 0}},
        {u"bad_stratum"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "stratum %1: the server is not synchronised"), 1}},
        //: %1 root distance, %2 limit, e.g. "1.6 s"
        {u"root_distance_high"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "root distance %1 is above the %2 limit"), 2}},
        {u"jitter_high"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "jitter %1 is above the %2 limit"), 2}},
        {u"no_majority_servers"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "no majority: the %1 usable servers do not agree"), 1}},
        {u"disagrees_trusted"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "disagrees with the trusted server(s)"), 0}},
        //: %n number of other servers
        {u"disagrees"_s, {QT_TRANSLATE_N_NOOP("ReasonTexts", "disagrees with %n other server(s)"), 1}},
        //: %1 servers that agree, %2 servers required
        {u"min_sources"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "only %1 server(s) agree; at least %2 are required (minsources)"), 2}},
        {u"require_waiting"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "waiting for a required server to become usable (require)"), 0}},
        {u"prefer_not_combined"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "not combined: a preferred server is available"), 0}},
        //: %1 offset, e.g. "12.3 ms"
        {u"cluster_outlier"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "not combined: offset %1 is too far from the others"), 1}},
        {u"no_servers"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "no servers configured"), 0}},
        {u"no_usable_server"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "no server is usable"), 0}},
        {u"no_majority"_s, {QT_TRANSLATE_NOOP("ReasonTexts", "no majority: the usable servers disagree with each other"), 0}},
    };
    return table;
}

const QHash<QString, const char *> &rejectPhrases()
{
    static const QHash<QString, const char *> table{
        {u"wrong_source"_s, QT_TRANSLATE_NOOP("ReasonTexts", "reply came from a different address or port")},
        {u"malformed"_s, QT_TRANSLATE_NOOP("ReasonTexts", "malformed packet")},
        {u"wrong_mode"_s, QT_TRANSLATE_NOOP("ReasonTexts", "not a server reply")},
        {u"not_requested"_s, QT_TRANSLATE_NOOP("ReasonTexts", "reply without an outstanding request")},
        {u"bogus_origin"_s, QT_TRANSLATE_NOOP("ReasonTexts", "origin timestamp does not match our request")},
        {u"duplicate"_s, QT_TRANSLATE_NOOP("ReasonTexts", "duplicate of an earlier reply")},
        {u"zero_timestamp"_s, QT_TRANSLATE_NOOP("ReasonTexts", "reply carries a zero timestamp")},
        {u"kiss_of_death"_s, QT_TRANSLATE_NOOP("ReasonTexts", "kiss-o'-death")},
        {u"unsynchronized"_s, QT_TRANSLATE_NOOP("ReasonTexts", "server says its clock is not synchronised")},
        {u"stratum_zero"_s, QT_TRANSLATE_NOOP("ReasonTexts", "stratum 0 without a kiss code")},
        {u"stratum_16"_s, QT_TRANSLATE_NOOP("ReasonTexts", "server is unsynchronised (stratum 16)")},
        {u"root_distance"_s, QT_TRANSLATE_NOOP("ReasonTexts", "root distance of 16 s or more")},
        {u"server_time_reversed"_s, QT_TRANSLATE_NOOP("ReasonTexts", "server timestamps are inconsistent")},
        {u"excessive_delay"_s, QT_TRANSLATE_NOOP("ReasonTexts", "round-trip delay above the limit")},
        {u"auth_missing"_s, QT_TRANSLATE_NOOP("ReasonTexts", "reply is not authenticated")},
        {u"auth_key_mismatch"_s, QT_TRANSLATE_NOOP("ReasonTexts", "reply is authenticated with another key")},
        {u"auth_bad_mac"_s, QT_TRANSLATE_NOOP("ReasonTexts", "reply failed authentication (MAC does not verify)")},
        {u"crypto_nak"_s, QT_TRANSLATE_NOOP("ReasonTexts", "server refused our key (crypto-NAK)")},
        {u"auth_unavailable"_s, QT_TRANSLATE_NOOP("ReasonTexts", "no key to authenticate the request with")},
        {u"timeout"_s, QT_TRANSLATE_NOOP("ReasonTexts", "no reply in time")},
        {u"refused"_s, QT_TRANSLATE_NOOP("ReasonTexts", "connection refused")},
        {u"socket_error"_s, QT_TRANSLATE_NOOP("ReasonTexts", "network error")},
        {u"popcorn_spike"_s, QT_TRANSLATE_NOOP("ReasonTexts", "held back as a popcorn spike")},
        {u"nts_resolve"_s, QT_TRANSLATE_NOOP("ReasonTexts", "the key-exchange server's name does not resolve")},
        {u"nts_connect"_s, QT_TRANSLATE_NOOP("ReasonTexts", "cannot connect to the key-exchange server")},
        {u"nts_timeout"_s, QT_TRANSLATE_NOOP("ReasonTexts", "the key exchange did not finish in time")},
        {u"nts_tls_handshake"_s, QT_TRANSLATE_NOOP("ReasonTexts", "the TLS handshake with the key-exchange server failed")},
        {u"nts_tls_version"_s, QT_TRANSLATE_NOOP("ReasonTexts", "the key-exchange server does not offer TLS 1.3")},
        {u"nts_certificate_untrusted"_s, QT_TRANSLATE_NOOP("ReasonTexts", "the server's certificate is not signed by a trusted authority")},
        {u"nts_certificate_expired"_s, QT_TRANSLATE_NOOP("ReasonTexts", "the server's certificate has expired or is not yet valid")},
        {u"nts_certificate_name"_s, QT_TRANSLATE_NOOP("ReasonTexts", "the server's certificate is for a different host name")},
        {u"nts_alpn"_s, QT_TRANSLATE_NOOP("ReasonTexts", "the server does not speak the NTS key-exchange protocol")},
        {u"nts_ke_malformed"_s, QT_TRANSLATE_NOOP("ReasonTexts", "the key-exchange reply is malformed")},
        {u"nts_ke_error"_s, QT_TRANSLATE_NOOP("ReasonTexts", "the key-exchange server refused the request")},
        {u"nts_ke_warning"_s, QT_TRANSLATE_NOOP("ReasonTexts", "the key-exchange server sent a warning")},
        {u"nts_ke_unknown_critical"_s, QT_TRANSLATE_NOOP("ReasonTexts", "the key-exchange reply has a critical record we do not know")},
        {u"nts_ke_negotiation"_s, QT_TRANSLATE_NOOP("ReasonTexts", "the key-exchange server offered nothing usable (no NTPv4, algorithm or cookies)")},
        {u"nts_no_cookies"_s, QT_TRANSLATE_NOOP("ReasonTexts", "no NTS cookies left")},
        {u"nts_nak"_s, QT_TRANSLATE_NOOP("ReasonTexts", "the server no longer accepts our cookies (NTS NAK); new keys are negotiated")},
        {u"nts_unique_id_mismatch"_s, QT_TRANSLATE_NOOP("ReasonTexts", "reply does not answer our request (NTS unique identifier)")},
        {u"nts_missing_authenticator"_s, QT_TRANSLATE_NOOP("ReasonTexts", "reply without an NTS authenticator")},
        {u"nts_bad_authenticator"_s, QT_TRANSLATE_NOOP("ReasonTexts", "reply's NTS authenticator is wrong")},
        {u"nts_malformed_fields"_s, QT_TRANSLATE_NOOP("ReasonTexts", "reply's NTS extension fields are malformed")},
    };
    return table;
}

// Ids whose arguments are durations (seconds), by argument index.
bool isDuration(const QString &id, int index)
{
    if (id == u"kod_rate"_s || id == u"reply_timeout"_s || id == u"cluster_outlier"_s)
        return index == 0;
    return id == u"root_distance_high"_s || id == u"jitter_high"_s;
}

// Ids whose first argument is a reject or NTS reason id, and nts_ke_failed's third.
bool isRejectId(const QString &id, int index)
{
    if (id == u"nts_ke_failed"_s)
        return index == 2;
    return index == 0
        && (id == u"reply_unusable"_s || id == u"auth_rejected"_s || id == u"no_authentic_reply"_s
            || id == u"no_valid_reply"_s || id == u"only_invalid_replies"_s);
}

} // namespace

QString ReasonTexts::text(const engine::StatusReason &code, const QString &english)
{
    const auto it = sentences().constFind(code.id);
    if (it == sentences().constEnd() || code.args.size() != it->arguments)
        return english;
    // A count in the first argument chooses the plural form (%n).
    const bool plural = code.id == u"disagrees"_s || code.id == u"no_reply"_s;
    QString sentence = plural ? tr(it->text, nullptr, code.args.at(0).toInt()) : tr(it->text);
    for (int i = plural ? 1 : 0; i < it->arguments; ++i) {
        const QString &arg = code.args.at(i);
        if (isDuration(code.id, i))
            sentence = sentence.arg(seconds(arg));
        else if (isRejectId(code.id, i))
            sentence = sentence.arg(rejectText(arg));
        else if (code.id == u"no_majority_servers"_s || code.id == u"min_sources"_s || code.id == u"bad_stratum"_s)
            sentence = sentence.arg(QLocale().toString(arg.toLongLong()));
        else
            sentence = sentence.arg(arg);
    }
    return sentence;
}

bool ReasonTexts::knows(const QString &id)
{
    return sentences().contains(id);
}

QString ReasonTexts::rejectText(const QString &id)
{
    const auto it = rejectPhrases().constFind(id);
    return it == rejectPhrases().constEnd() ? id : tr(*it);
}

bool ReasonTexts::knowsReject(const QString &id)
{
    return rejectPhrases().contains(id);
}

QString ReasonTexts::seconds(const QString &argument)
{
    bool ok = false;
    const double value = argument.toDouble(&ok);
    if (!ok)
        return argument;
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    const double magnitude = std::abs(value);
    if (magnitude >= 1.0)
        //: Duration: %1 a number in the user's locale
        return tr("%1 s").arg(locale.toString(value, 'f', 1));
    if (magnitude >= 1e-3)
        return tr("%1 ms").arg(locale.toString(value * 1e3, 'f', 1));
    return tr("%1 µs").arg(locale.toString(value * 1e6, 'f', 0));
}

} // namespace chronoscope::texts
