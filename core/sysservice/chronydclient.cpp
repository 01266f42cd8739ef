// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/chronydclient.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtEndian>

#include "core/sysservice/cmdmonprotocol.h"
#include "core/sysservice/cmdmondecoders.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {
namespace {

QByteArray indexData(std::uint32_t index)
{
    QByteArray data(4, '\0');
    qToBigEndian(index, data.data());
    return data;
}

QString commandName(std::uint16_t command)
{
    switch (command) {
    case cmdmon::REQ_N_SOURCES: return u"sources count"_s;
    case cmdmon::REQ_SOURCE_DATA: return u"source data"_s;
    case cmdmon::REQ_TRACKING: return u"tracking"_s;
    case cmdmon::REQ_SOURCESTATS: return u"sourcestats"_s;
    case cmdmon::REQ_NTP_DATA: return u"ntpdata"_s;
    case cmdmon::REQ_NTP_SOURCE_NAME: return u"source name"_s;
    case cmdmon::REQ_AUTH_DATA: return u"authdata"_s;
    case cmdmon::REQ_SELECT_DATA: return u"selectdata"_s;
    case cmdmon::REQ_RELOAD_SOURCES: return u"reload sources"_s;
    default: return u"command %1"_s.arg(command);
    }
}

template<typename T>
Result<T> decodeWith(const Result<CmdmonReply> &reply, Result<T> (*decoder)(QByteArrayView))
{
    if (!reply)
        return reply.error();
    return decoder(reply->data);
}

} // namespace

ChronydClient::ChronydClient(CmdmonTransport &transport, int timeoutMs, int attempts)
    : m_transport(transport), m_timeoutMs(timeoutMs), m_attempts(qMax(1, attempts))
{
}

Result<CmdmonReply> ChronydClient::exchange(std::uint16_t command, QByteArrayView data, int replyDataSize,
                                            std::initializer_list<std::uint16_t> replyCodes)
{
    const std::uint32_t sequence = QRandomGenerator::global()->generate();
    m_lastStatus = cmdmon::STT_SUCCESS;
    QString lastError;
    for (int attempt = 0; attempt < m_attempts; ++attempt) {
        const QByteArray request = encodeCmdmonRequest(command, sequence, data, replyDataSize, std::uint16_t(attempt));
        const Result<bool> sent = m_transport.send(request);
        if (!sent)
            return sent.error();
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            const int remaining = int(m_timeoutMs - timer.elapsed());
            if (remaining <= 0) {
                lastError = u"no reply from %1 to %2 within %3 ms"_s.arg(m_transport.endpoint(), commandName(command)).arg(m_timeoutMs);
                break;
            }
            const Result<QByteArray> datagram = m_transport.receive(remaining);
            if (!datagram) {
                lastError = datagram.errorMessage();
                if (lastError.startsWith(u"no reply"_s))
                    break;   // timed out: try again
                return datagram.error();
            }
            const Result<CmdmonReply> reply = decodeCmdmonReply(*datagram);
            if (!reply)
                return Error{u"%1 (from %2)"_s.arg(reply.errorMessage(), m_transport.endpoint())};
            if (reply->sequence != sequence) {
                ++m_ignoredReplies;   // a late answer to an earlier request
                continue;
            }
            if (reply->command != command)
                return Error{u"%1 answered command %2 to a %3 request"_s.arg(m_transport.endpoint()).arg(reply->command).arg(commandName(command))};
            m_lastStatus = reply->status;
            if (reply->status != cmdmon::STT_SUCCESS)
                return Error{u"chronyd refused %1: %2"_s.arg(commandName(command), cmdmonStatusText(reply->status))};
            bool expected = false;
            for (const std::uint16_t code : replyCodes)
                expected = expected || code == reply->replyCode;
            if (!expected)
                return Error{u"%1 sent reply type %2 to a %3 request"_s.arg(m_transport.endpoint()).arg(reply->replyCode).arg(commandName(command))};
            return reply;
        }
    }
    return Error{lastError};
}

Result<ChronydTracking> ChronydClient::tracking()
{
    return decodeWith(exchange(cmdmon::REQ_TRACKING, {}, cmdmon::TRACKING_SIZE, {cmdmon::RPY_TRACKING}), &decodeTracking);
}

Result<std::uint32_t> ChronydClient::sourceCount()
{
    return decodeWith(exchange(cmdmon::REQ_N_SOURCES, {}, cmdmon::N_SOURCES_SIZE, {cmdmon::RPY_N_SOURCES}), &decodeSourceCount);
}

Result<ChronydSource> ChronydClient::source(std::uint32_t index)
{
    return decodeWith(exchange(cmdmon::REQ_SOURCE_DATA, indexData(index), cmdmon::SOURCE_DATA_SIZE, {cmdmon::RPY_SOURCE_DATA}),
                      &decodeSourceData);
}

Result<ChronydSourceStats> ChronydClient::sourceStats(std::uint32_t index)
{
    return decodeWith(exchange(cmdmon::REQ_SOURCESTATS, indexData(index), cmdmon::SOURCESTATS_SIZE, {cmdmon::RPY_SOURCESTATS}),
                      &decodeSourceStats);
}

Result<ChronydSelectData> ChronydClient::selectData(std::uint32_t index)
{
    return decodeWith(exchange(cmdmon::REQ_SELECT_DATA, indexData(index), cmdmon::SELECT_DATA_SIZE, {cmdmon::RPY_SELECT_DATA}),
                      &decodeSelectData);
}

Result<ChronydNtpData> ChronydClient::ntpData(const QHostAddress &address)
{
    return decodeWith(exchange(cmdmon::REQ_NTP_DATA, encodeCmdmonAddress(address), cmdmon::NTP_DATA_SIZE,
                               {cmdmon::RPY_NTP_DATA, cmdmon::RPY_NTP_DATA2}),
                      &decodeNtpData);
}

Result<ChronydAuthData> ChronydClient::authData(const QHostAddress &address)
{
    return decodeWith(exchange(cmdmon::REQ_AUTH_DATA, encodeCmdmonAddress(address), cmdmon::AUTH_DATA_SIZE, {cmdmon::RPY_AUTH_DATA}),
                      &decodeAuthData);
}

Result<QString> ChronydClient::sourceName(const QHostAddress &address)
{
    return decodeWith(exchange(cmdmon::REQ_NTP_SOURCE_NAME, encodeCmdmonAddress(address), cmdmon::SOURCE_NAME_SIZE,
                               {cmdmon::RPY_NTP_SOURCE_NAME}),
                      &decodeSourceName);
}

Result<bool> ChronydClient::reloadSources()
{
    const Result<CmdmonReply> reply = exchange(cmdmon::REQ_RELOAD_SOURCES, {}, 0, {cmdmon::RPY_NULL});
    if (!reply)
        return reply.error();
    return true;
}

Result<ChronydSnapshot> ChronydClient::snapshot()
{
    ChronydSnapshot snapshot;
    snapshot.endpoint = m_transport.endpoint();
    const Result<ChronydTracking> track = tracking();
    if (!track)
        return track.error();
    snapshot.tracking = *track;
    const Result<std::uint32_t> count = sourceCount();
    if (!count)
        return count.error();
    snapshot.selectDataSupported = true;
    for (std::uint32_t index = 0; index < *count; ++index) {
        const Result<ChronydSource> sourceReply = source(index);
        if (!sourceReply) {
            if (m_lastStatus == cmdmon::STT_NOSUCHSOURCE)
                break;   // a source went away since the count was read
            return sourceReply.error();
        }
        ChronydSourceView view;
        view.source = *sourceReply;
        const QString address = sourceReply->address.toString();
        const Result<ChronydSourceStats> stats = sourceStats(index);
        if (stats && stats->address.toString() == address)
            view.stats = *stats;
        else
            snapshot.warnings.append(u"sourcestats of %1: %2"_s.arg(address, stats ? u"reported for another source"_s : stats.errorMessage()));
        if (snapshot.selectDataSupported) {
            const Result<ChronydSelectData> selection = selectData(index);
            if (selection && selection->address.toString() == address) {
                view.selection = *selection;
            } else if (!selection && m_lastStatus == cmdmon::STT_INVALID) {
                snapshot.selectDataSupported = false;   // chrony < 4.2
            } else {
                snapshot.warnings.append(u"selectdata of %1: %2"_s.arg(address, selection ? u"reported for another source"_s
                                                                                          : selection.errorMessage()));
            }
        }
        if (sourceReply->mode != ChronydSourceMode::ReferenceClock && !sourceReply->address.ip.isNull()) {
            if (m_transport.supportsCommand(cmdmon::REQ_NTP_DATA)) {
                const Result<ChronydNtpData> ntp = ntpData(sourceReply->address.ip);
                if (ntp)
                    view.ntp = *ntp;
                else
                    snapshot.warnings.append(u"ntpdata of %1: %2"_s.arg(address, ntp.errorMessage()));
            }
            if (m_transport.supportsCommand(cmdmon::REQ_AUTH_DATA)) {
                const Result<ChronydAuthData> auth = authData(sourceReply->address.ip);
                if (auth)
                    view.auth = *auth;
                else
                    snapshot.warnings.append(u"authdata of %1: %2"_s.arg(address, auth.errorMessage()));
            }
            const Result<QString> name = sourceName(sourceReply->address.ip);
            if (name)
                view.name = *name;
        }
        snapshot.sources.append(view);
    }
    QStringList skipped;
    for (const std::uint16_t command : {cmdmon::REQ_NTP_DATA, cmdmon::REQ_AUTH_DATA})
        if (!m_transport.supportsCommand(command))
            skipped.append(commandName(command));
    if (!skipped.isEmpty())
        snapshot.warnings.append(u"%1 not read: %2 does not carry them"_s.arg(skipped.join(u" and "_s), m_transport.endpoint()));
    snapshot.ignoredReplies = m_ignoredReplies;
    return snapshot;
}

} // namespace chronoscope::sysservice
