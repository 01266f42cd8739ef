// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ntp/rejectreason.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ntp {

QString rejectReasonId(RejectReason reason)
{
    switch (reason) {
    case RejectReason::WrongSource: return u"wrong_source"_s;
    case RejectReason::Malformed: return u"malformed"_s;
    case RejectReason::WrongMode: return u"wrong_mode"_s;
    case RejectReason::NotRequested: return u"not_requested"_s;
    case RejectReason::BogusOrigin: return u"bogus_origin"_s;
    case RejectReason::Duplicate: return u"duplicate"_s;
    case RejectReason::ZeroTimestamp: return u"zero_timestamp"_s;
    case RejectReason::KissOfDeath: return u"kiss_of_death"_s;
    case RejectReason::Unsynchronized: return u"unsynchronized"_s;
    case RejectReason::StratumZero: return u"stratum_zero"_s;
    case RejectReason::StratumUnsynchronized: return u"stratum_16"_s;
    case RejectReason::RootDistance: return u"root_distance"_s;
    case RejectReason::ServerTimeReversed: return u"server_time_reversed"_s;
    case RejectReason::ExcessiveDelay: return u"excessive_delay"_s;
    case RejectReason::AuthMissing: return u"auth_missing"_s;
    case RejectReason::AuthKeyMismatch: return u"auth_key_mismatch"_s;
    case RejectReason::AuthBadMac: return u"auth_bad_mac"_s;
    case RejectReason::CryptoNak: return u"crypto_nak"_s;
    }
    return u"unknown"_s;
}

QString rejectReasonText(RejectReason reason)
{
    switch (reason) {
    case RejectReason::WrongSource: return u"reply came from a different address or port"_s;
    case RejectReason::Malformed: return u"malformed packet"_s;
    case RejectReason::WrongMode: return u"not a server reply"_s;
    case RejectReason::NotRequested: return u"reply without an outstanding request"_s;
    case RejectReason::BogusOrigin: return u"origin timestamp does not match our request"_s;
    case RejectReason::Duplicate: return u"duplicate of an earlier reply"_s;
    case RejectReason::ZeroTimestamp: return u"reply carries a zero timestamp"_s;
    case RejectReason::KissOfDeath: return u"kiss-o'-death"_s;
    case RejectReason::Unsynchronized: return u"server says its clock is not synchronised"_s;
    case RejectReason::StratumZero: return u"stratum 0 without a kiss code"_s;
    case RejectReason::StratumUnsynchronized: return u"server is unsynchronised (stratum 16)"_s;
    case RejectReason::RootDistance: return u"root distance of 16 s or more"_s;
    case RejectReason::ServerTimeReversed: return u"server timestamps are inconsistent"_s;
    case RejectReason::ExcessiveDelay: return u"round-trip delay above the limit"_s;
    case RejectReason::AuthMissing: return u"reply is not authenticated"_s;
    case RejectReason::AuthKeyMismatch: return u"reply is authenticated with another key"_s;
    case RejectReason::AuthBadMac: return u"reply failed authentication (MAC does not verify)"_s;
    case RejectReason::CryptoNak: return u"server refused our key (crypto-NAK)"_s;
    }
    return u"unknown"_s;
}

} // namespace chronoscope::ntp
