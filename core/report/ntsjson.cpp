// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/ntsjson.h"

#include <QJsonArray>

#include "core/report/jsonvalue.h"

using namespace Qt::StringLiterals;

namespace chronoscope::report {

QString aeadName(int aead)
{
    return aead == 15 ? u"AEAD_AES_SIV_CMAC_256"_s : u"aead-%1"_s.arg(aead);
}

QJsonObject ntsStatusToJson(const engine::NtsStatus &n)
{
    const bool negotiated = n.keyExchanges > 0;
    QJsonObject o;
    o[u"ke_host"_s] = n.keHost;
    o[u"ke_port"_s] = n.kePort;
    o[u"ke_state"_s] = engine::ntsKeStateId(n.keState);
    o[u"ntp_server"_s] = negotiated ? QJsonValue(n.ntpServer) : QJsonValue(QJsonValue::Null);
    o[u"ntp_port"_s] = negotiated ? QJsonValue(n.ntpPort) : QJsonValue(QJsonValue::Null);
    o[u"aead"_s] = negotiated ? QJsonValue(aeadName(n.aead)) : QJsonValue(QJsonValue::Null);
    o[u"cookies"_s] = n.cookiesHeld;
    o[u"last_key_exchange"_s] = isoTimeOrNull(n.lastKeyExchange);
    o[u"next_key_exchange"_s] = isoTimeOrNull(n.rekeyDue);
    o[u"key_exchanges"_s] = n.keyExchanges;
    o[u"key_exchange_failures"_s] = n.keyExchangeFailures;
    o[u"naks"_s] = n.naks;
    o[u"tls_version"_s] = textOrNull(n.tlsVersion);
    if (negotiated) {
        QJsonArray chain;
        for (const QString &subject : n.certificateChain)
            chain.append(subject);
        o[u"certificate"_s] = QJsonObject{{u"subject"_s, n.certificateSubject},
                                          {u"issuer"_s, n.certificateIssuer},
                                          {u"not_before"_s, isoTimeOrNull(n.certificateNotBefore)},
                                          {u"not_after"_s, isoTimeOrNull(n.certificateNotAfter)},
                                          {u"chain"_s, chain}};
    } else {
        o[u"certificate"_s] = QJsonValue(QJsonValue::Null);
    }
    o[u"failure"_s] = n.lastFailureId.isEmpty()
        ? QJsonValue(QJsonValue::Null)
        : QJsonValue(QJsonObject{{u"reason"_s, n.lastFailureId},
                                 {u"detail"_s, n.lastFailureText},
                                 {u"time"_s, isoTimeOrNull(n.lastFailureTime)}});
    return o;
}

} // namespace chronoscope::report
