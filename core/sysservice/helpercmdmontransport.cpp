// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/helpercmdmontransport.h"

#include <QDeadlineTimer>

#include "core/protocol/timeservicecodec.h"
#include "core/protocol/timeservicenames.h"
#include "core/sysservice/cmdmonprotocol.h"
#include "core/sysservice/processtimeservicehelper.h"
#include "core/sysservice/timeserviceframereader.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

namespace ts = protocol::timeservice;
using correction::HelperError;

namespace {

constexpr qsizetype MAX_STDERR_BYTES = 16 * 1024;
// Where the sequence number sits in a cmdmon request and in a reply (cmdmonprotocol.h).
constexpr int REQUEST_SEQUENCE_OFFSET = 8;
constexpr int REPLY_SEQUENCE_OFFSET = 16;

QString helperErrorWords(HelperError error)
{
    switch (error) {
    case HelperError::NotInstalled: return u"the helper is not installed or cannot be started"_s;
    case HelperError::Cancelled: return u"the password prompt was dismissed"_s;
    case HelperError::NotAuthorised: return u"not authorised to read chronyd through the helper"_s;
    case HelperError::RefusedToStart: return u"the helper refused to start"_s;
    case HelperError::Crashed: return u"the helper ended without answering"_s;
    case HelperError::Timeout: return u"the helper did not answer in time"_s;
    case HelperError::BadReply: return u"the helper's reply is invalid"_s;
    case HelperError::ServiceNotRunning: return u"the helper service is not running"_s;
    }
    return u"the helper failed"_s;
}

// Why the helper answered a READ_CHRONYD with something other than ok.
QString refusalText(const ts::Response &response)
{
    const QString name = QString::fromLatin1(ts::statusName(response.status).data());
    switch (response.status) {
    case ts::Status::DaemonNotRunning:
        return u"chronyd is not running: the helper found no command socket that answers (%1)"_s.arg(name);
    case ts::Status::UnsafePath:
        return u"the helper refused chronyd's socket: a link, not a socket, or owned by another user (%1)"_s.arg(name);
    case ts::Status::NotPermitted:
        return u"the helper refused the read (%1): it does not allow this request"_s.arg(name);
    case ts::Status::Failed:
        return u"the helper could not reach chronyd's socket: %1 (%2)"_s.arg(qt_error_string(response.sysErrno), name);
    default:
        return u"the helper refused the read (%1)"_s.arg(name);
    }
}

} // namespace

HelperCmdmonTransport::HelperCmdmonTransport() = default;

HelperCmdmonTransport::~HelperCmdmonTransport()
{
    if (m_started)
        correction::endHelperProcess(m_process);
}

QString HelperCmdmonTransport::endpoint() const
{
    return u"chronyd's socket, through the helper"_s;
}

bool HelperCmdmonTransport::supportsCommand(std::uint16_t command) const
{
    return ts::cmdmonRequestDataSize(command) >= 0;
}

void HelperCmdmonTransport::collectStderr()
{
    const QByteArray more = m_process.readAllStandardError();
    m_stderr += more.left(qMax<qsizetype>(0, MAX_STDERR_BYTES - m_stderr.size()));
}

Result<bool> HelperCmdmonTransport::start()
{
    const Result<correction::HelperLaunch> launch =
            m_override ? Result<correction::HelperLaunch>(*m_override) : timeServiceHelperLaunch(false, true);
    if (!launch)
        return Error{u"%1: %2"_s.arg(helperErrorWords(HelperError::NotInstalled), launch.errorMessage())};
    m_elevated = launch->elevated;
    m_started = true;
    m_process.start(launch->program, launch->arguments, QIODevice::ReadWrite);
    if (!m_process.waitForStarted(10000))
        return Error{u"%1: cannot start %2: %3"_s.arg(helperErrorWords(HelperError::NotInstalled), launch->program,
                                                      m_process.errorString())};
    return true;
}

QString HelperCmdmonTransport::endedText()
{
    m_process.waitForFinished(3000);
    collectStderr();
    if (m_process.state() != QProcess::NotRunning)
        return helperErrorWords(HelperError::Crashed);
    const correction::HelperExit ended = correction::classifyHelperExit(
            m_process.exitCode(), m_process.exitStatus(), m_elevated, QString::fromUtf8(m_stderr).trimmed());
    return ended.detail.isEmpty() ? helperErrorWords(ended.error)
                                  : u"%1: %2"_s.arg(helperErrorWords(ended.error), ended.detail);
}

Result<QByteArray> HelperCmdmonTransport::exchange(std::uint16_t command, QByteArrayView data)
{
    if (!m_started) {
        const Result<bool> started = start();
        if (!started) {
            m_broken = true;
            return started.error();
        }
    }
    ts::Request request;
    request.op = ts::Op::ReadChronyd;
    request.requestId = m_nextRequestId++;
    request.cmdmonCommand = command;
    request.cmdmonData.assign(data.begin(), data.end());
    const std::vector<std::uint8_t> frame = ts::encodeRequest(request);
    if (frame.empty())
        return Error{u"cmdmon request %1 cannot be encoded for the helper"_s.arg(command)};
    m_process.write(reinterpret_cast<const char *>(frame.data()), qint64(frame.size()));

    TimeServiceFrameReader reader;
    reader.expect(request.requestId);
    // The first answer comes after the password prompt.
    const int limitMs = request.requestId == 1 ? FIRST_REPLY_TIMEOUT_MS : REPLY_TIMEOUT_MS;
    QDeadlineTimer deadline(limitMs);
    while (reader.isAwaiting()) {
        if (m_process.bytesAvailable() == 0) {
            collectStderr();
            if (m_process.state() == QProcess::NotRunning || !m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
                m_broken = true;
                if (m_process.state() == QProcess::NotRunning || m_process.waitForFinished(10))
                    return Error{endedText()};
                if (deadline.hasExpired())
                    return Error{u"%1 (%2 s)"_s.arg(helperErrorWords(HelperError::Timeout)).arg(limitMs / 1000)};
                continue;
            }
        }
        // Never read more than the frame still needs (the reader bounds the body first).
        switch (reader.feed(m_process.read(reader.bytesWanted()))) {
        case TimeServiceFrameReader::Progress::NeedMore:
            break;
        case TimeServiceFrameReader::Progress::Invalid:
            m_broken = true;
            return Error{u"%1: %2"_s.arg(helperErrorWords(HelperError::BadReply), reader.error())};
        case TimeServiceFrameReader::Progress::Replied:
            break;
        }
    }
    const ts::Response &response = reader.response();
    if (response.status != ts::Status::Ok) {
        collectStderr();
        return Error{refusalText(response)};
    }
    if (response.op != ts::Op::ReadChronyd) {
        m_broken = true;
        return Error{u"%1: it answered another operation"_s.arg(helperErrorWords(HelperError::BadReply))};
    }
    return QByteArray(reinterpret_cast<const char *>(response.cmdmonReply.data()), qsizetype(response.cmdmonReply.size()));
}

Result<bool> HelperCmdmonTransport::send(QByteArrayView request)
{
    m_pending.reset();
    if (m_broken)
        return Error{u"the helper session ended after an earlier failure"_s};
    if (request.size() < cmdmon::REQUEST_HEADER_SIZE)
        return Error{u"a cmdmon request of %1 bytes is too short for the helper"_s.arg(request.size())};
    const auto byteAt = [&request](int offset) { return std::uint8_t(request[offset]); };
    const std::uint16_t command = std::uint16_t(byteAt(4) << 8 | byteAt(5));
    const int dataSize = ts::cmdmonRequestDataSize(command);
    if (dataSize < 0)
        return Error{u"cmdmon request %1 cannot be read through the helper (it passes only read-only requests)"_s.arg(command)};
    if (request.size() < cmdmon::REQUEST_HEADER_SIZE + dataSize)
        return Error{u"a cmdmon request of %1 bytes is too short for command %2"_s.arg(request.size()).arg(command)};
    Result<QByteArray> reply = exchange(command, request.sliced(cmdmon::REQUEST_HEADER_SIZE, dataSize));
    if (!reply)
        return reply.error();
    // The helper matched chronyd's reply to its own sequence number; give the client's back.
    // A reply too short to hold one is left as it is, for decodeCmdmonReply to refuse.
    if (reply->size() >= REPLY_SEQUENCE_OFFSET + 4) {
        for (int i = 0; i < 4; ++i)
            reply.value()[REPLY_SEQUENCE_OFFSET + i] = request[REQUEST_SEQUENCE_OFFSET + i];
    }
    m_pending = std::move(reply).value();
    return true;
}

Result<QByteArray> HelperCmdmonTransport::receive(int timeoutMs)
{
    // send() already waited for the helper's answer (its own, longer bounds).
    Q_UNUSED(timeoutMs);
    if (!m_pending)
        return Error{u"no reply from %1: nothing was sent"_s.arg(endpoint())};
    QByteArray reply = std::move(*m_pending);
    m_pending.reset();
    return reply;
}

} // namespace chronoscope::sysservice
