// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/ntpdclient.h"

#include <algorithm>
#include <cmath>

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtEndian>

#include "core/diagnostics/controlmessage.h"
#include "core/sysservice/mode6reassembly.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {
namespace {

using diagnostics::ControlReply;

QString opcodeName(std::uint8_t opcode)
{
    return opcode == diagnostics::CONTROL_OP_READSTAT ? u"READSTAT"_s : u"READVAR"_s;
}

// ntpd prints the leap indicator as two binary digits ("00", "11"); accept a decimal 0-3 too.
int parseLeap(const QString &text)
{
    if (text.size() == 2 && (text[0] == u'0' || text[0] == u'1') && (text[1] == u'0' || text[1] == u'1'))
        return (text[0] == u'1' ? 2 : 0) + (text[1] == u'1' ? 1 : 0);
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok && value >= 0 && value <= 3 ? value : 3;
}

int boundedInt(const Mode6Variables &v, const QString &name, int low, int high, int fallback)
{
    const std::optional<double> value = v.number(name);
    if (!value || *value < low || *value > high)
        return fallback;
    return int(*value);
}

// Milliseconds (ntpd's unit for offsets and delays) to seconds; absurd values become 0.
double milliseconds(const Mode6Variables &v, const QString &name)
{
    const std::optional<double> value = v.number(name);
    if (!value || std::abs(*value) > 1e12)
        return 0;
    return *value / 1000.0;
}

} // namespace

NtpdClient::NtpdClient(CmdmonTransport &transport, int timeoutMs, int attempts)
    : m_transport(transport), m_timeoutMs(timeoutMs), m_attempts(qMax(1, attempts))
{
}

Result<QByteArray> NtpdClient::request(std::uint8_t opcode, std::uint16_t associationId)
{
    QString lastError;
    for (int attempt = 0; attempt < m_attempts; ++attempt) {
        // ntpq never uses sequence 0; neither do we.
        const auto sequence = std::uint16_t(1 + QRandomGenerator::global()->bounded(0xfffe));
        const Result<bool> sent = m_transport.send(diagnostics::encodeControlRequest(opcode, sequence, associationId));
        if (!sent)
            return sent.error();
        Mode6Reassembly reassembly;
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            const int remaining = int(m_timeoutMs - timer.elapsed());
            const Result<QByteArray> datagram = remaining > 0 ? m_transport.receive(remaining)
                                                              : Result<QByteArray>(Error{u"no reply"_s});
            if (!datagram) {
                if (!datagram.errorMessage().startsWith(u"no reply"_s))
                    return datagram.error();
                // Timed out: say how far the response got, then try again.
                lastError = reassembly.fragmentCount() > 0
                    ? u"incomplete %1 response from %2: %3 fragment(s) within %4 ms"_s.arg(opcodeName(opcode), m_transport.endpoint())
                          .arg(reassembly.fragmentCount()).arg(m_timeoutMs)
                    : u"no reply from %1 to %2 within %3 ms (is ntpd running, and do its restrict lines allow queries from this computer?)"_s
                          .arg(m_transport.endpoint(), opcodeName(opcode)).arg(m_timeoutMs);
                break;
            }
            const Result<ControlReply> reply = diagnostics::decodeControlReply(*datagram);
            if (!reply)
                return Error{u"%1 (from %2)"_s.arg(reply.errorMessage(), m_transport.endpoint())};
            if (reply->sequence != sequence || reply->opcode != opcode || reply->associationId != associationId) {
                ++m_ignoredReplies;   // a late answer to an earlier request
                continue;
            }
            if (reply->error)
                return Error{u"ntpd refused %1: %2"_s.arg(opcodeName(opcode), diagnostics::controlErrorText(reply->errorCode()))};
            const Result<bool> complete = reassembly.add(*reply);
            if (!complete)
                return Error{u"%1 (from %2)"_s.arg(complete.errorMessage(), m_transport.endpoint())};
            if (*complete)
                return reassembly.data();
        }
    }
    return Error{lastError};
}

Result<QList<QPair<std::uint16_t, std::uint16_t>>> NtpdClient::associations()
{
    const Result<QByteArray> data = request(diagnostics::CONTROL_OP_READSTAT, 0);
    if (!data)
        return data.error();
    if (data->size() % 4 != 0)
        return Error{u"READSTAT response of %1 bytes is not a list of 4-byte entries"_s.arg(data->size())};
    if (data->size() / 4 > MAX_ASSOCIATIONS)
        return Error{u"READSTAT lists %1 associations (limit %2)"_s.arg(data->size() / 4).arg(MAX_ASSOCIATIONS)};
    QList<QPair<std::uint16_t, std::uint16_t>> out;
    const auto *p = reinterpret_cast<const uchar *>(data->constData());
    for (qsizetype i = 0; i + 4 <= data->size(); i += 4) {
        const auto id = qFromBigEndian<std::uint16_t>(p + i);
        if (id == 0)
            return Error{u"READSTAT lists association id 0 (entry %1)"_s.arg(i / 4)};
        out.append({id, qFromBigEndian<std::uint16_t>(p + i + 2)});
    }
    std::sort(out.begin(), out.end());
    return out;
}

Result<Mode6Variables> NtpdClient::variables(std::uint16_t associationId)
{
    const Result<QByteArray> data = request(diagnostics::CONTROL_OP_READVAR, associationId);
    if (!data)
        return data.error();
    return Mode6Variables::parse(*data);
}

void applyNtpdPeerVariables(const Mode6Variables &v, NtpdPeerView &peer)
{
    peer.address = QHostAddress(v.text(u"srcadr"_s));
    peer.port = quint16(boundedInt(v, u"srcport"_s, 0, 65535, 0));
    peer.hostName = v.text(u"srchost"_s);
    peer.stratum = boundedInt(v, u"stratum"_s, 0, 16, 16);
    peer.referenceId = v.text(u"refid"_s);
    const QString reach = v.text(u"reach"_s);
    const std::optional<quint32> reachValue = reach.startsWith(u"0x"_s) ? v.unsignedValue(u"reach"_s, 16)
                                                                          : v.unsignedValue(u"reach"_s, 8);
    peer.reach = reachValue ? (*reachValue & 0xff) : 0;
    peer.pollLog2 = boundedInt(v, u"hpoll"_s, -8, 17, 0);
    peer.offset = milliseconds(v, u"offset"_s);
    peer.delay = milliseconds(v, u"delay"_s);
    peer.dispersion = milliseconds(v, u"dispersion"_s);
    peer.jitter = milliseconds(v, u"jitter"_s);
    peer.leap = parseLeap(v.text(u"leap"_s));
    peer.variablesRead = true;
}

void applyNtpdSystemVariables(const Mode6Variables &v, NtpdSnapshot &s)
{
    s.version = v.text(u"version"_s);
    s.stratum = boundedInt(v, u"stratum"_s, 0, 16, 16);
    s.leap = parseLeap(v.text(u"leap"_s));
    s.referenceId = v.text(u"refid"_s);
    s.systemPeerId = std::uint16_t(boundedInt(v, u"peer"_s, 0, 65535, 0));
    s.offset = milliseconds(v, u"offset"_s);
    const std::optional<double> frequency = v.number(u"frequency"_s);
    s.frequencyPpm = frequency && std::abs(*frequency) < 1e6 ? *frequency : 0;
    s.systemJitter = milliseconds(v, u"sys_jitter"_s);
    s.rootDelay = milliseconds(v, u"rootdelay"_s);
    s.rootDispersion = milliseconds(v, u"rootdisp"_s);
}

Result<NtpdSnapshot> NtpdClient::snapshot()
{
    NtpdSnapshot snapshot;
    snapshot.endpoint = m_transport.endpoint();
    const Result<Mode6Variables> system = variables(0);
    if (!system)
        return system.error();
    applyNtpdSystemVariables(*system, snapshot);
    const auto list = associations();
    if (!list)
        return list.error();
    for (const auto &[id, status] : *list) {
        NtpdPeerView peer;
        peer.associationId = id;
        peer.statusWord = status;
        const Result<Mode6Variables> vars = variables(id);
        if (vars)
            applyNtpdPeerVariables(*vars, peer);
        else
            snapshot.warnings.append(u"variables of association %1: %2"_s.arg(id).arg(vars.errorMessage()));
        snapshot.peers.append(peer);
    }
    snapshot.ignoredReplies = m_ignoredReplies;
    return snapshot;
}

} // namespace chronoscope::sysservice
