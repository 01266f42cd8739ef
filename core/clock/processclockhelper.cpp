// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/clock/processclockhelper.h"

#include <span>

#include "core/protocol/codec.h"
#include "core/protocol/names.h"

using namespace Qt::StringLiterals;

namespace chronoscope::clock {
namespace {

// pkexec(1): 126 = the authorisation dialog was dismissed, 127 = not authorised or an error.
constexpr int PKEXEC_DISMISSED = 126;
constexpr int PKEXEC_NOT_AUTHORISED = 127;
// chronoscope-helper's own "refused to start" (app/helper/frameio.h).
constexpr int HELPER_REFUSED_SETUP = 7;

} // namespace

ProcessClockHelper::ProcessClockHelper(QObject *parent)
    : ClockHelper(parent)
    , m_process(this)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProcessClockHelper::onTimeout);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ProcessClockHelper::onReadyRead);
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { m_stderr += m_process.readAllStandardError(); });
    connect(&m_process, &QProcess::finished, this, &ProcessClockHelper::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &ProcessClockHelper::onErrorOccurred);
}

ProcessClockHelper::~ProcessClockHelper()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(2000))
            m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void ProcessClockHelper::open(protocol::Verb verb, bool dryRun)
{
    if (m_process.state() != QProcess::NotRunning) {
        // The previous run's input is closed; let it finish before reusing the process object.
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(2000))
            m_process.kill();
        m_process.waitForFinished(1000);
    }
    m_failed = false;
    m_answeredOnce = false;
    m_buffer.clear();
    m_stderr.clear();
    const Result<HelperLaunch> launch = m_override ? Result<HelperLaunch>(*m_override) : helperLaunch(verb, dryRun);
    if (!launch) {
        const QString message = launch.errorMessage();
        QTimer::singleShot(0, this, [this, message] { fail(HelperError::NotInstalled, message); });
        return;
    }
    m_elevated = launch->elevated;
    m_process.setProgram(launch->program);
    m_process.setArguments(launch->arguments);
    m_process.start(QIODevice::ReadWrite);
}

void ProcessClockHelper::send(const protocol::Request &request)
{
    if (m_failed)
        return;
    const protocol::RequestFrame frame = protocol::encodeRequest(request);
    m_requestId = request.requestId;
    m_awaiting = true;
    m_process.write(reinterpret_cast<const char *>(frame.data()), qint64(frame.size()));
    m_timer.start(m_answeredOnce ? REPLY_TIMEOUT_MS : FIRST_REPLY_TIMEOUT_MS);
}

void ProcessClockHelper::close()
{
    m_awaiting = false;
    m_timer.stop();
    if (m_process.state() != QProcess::NotRunning)
        m_process.closeWriteChannel();
}

void ProcessClockHelper::onReadyRead()
{
    m_buffer += m_process.readAllStandardOutput();
    if (!m_awaiting || m_buffer.size() < qsizetype(protocol::RESPONSE_SIZE))
        return;
    const QByteArray frame = m_buffer.left(qsizetype(protocol::RESPONSE_SIZE));
    m_buffer.remove(0, qsizetype(protocol::RESPONSE_SIZE));
    const protocol::DecodedResponse decoded = protocol::decodeResponse(
            std::span(reinterpret_cast<const std::uint8_t *>(frame.constData()), std::size_t(frame.size())));
    if (decoded.error != protocol::DecodeError::None) {
        fail(HelperError::BadReply, u"undecodable reply (%1)"_s.arg(QString::fromLatin1(protocol::decodeErrorName(decoded.error))));
        return;
    }
    // A refusal of a frame the helper could not read carries request id 0.
    if (decoded.response.requestId != m_requestId && decoded.response.requestId != 0) {
        fail(HelperError::BadReply, u"reply to another request"_s);
        return;
    }
    m_awaiting = false;
    m_answeredOnce = true;
    m_timer.stop();
    emit replied(decoded.response);
}

void ProcessClockHelper::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_buffer += m_process.readAllStandardOutput();
    m_stderr += m_process.readAllStandardError();
    if (m_awaiting && m_buffer.size() >= qsizetype(protocol::RESPONSE_SIZE))
        onReadyRead();
    if (!m_awaiting || m_failed)
        return;
    const QString details = QString::fromUtf8(m_stderr).trimmed();
    if (status == QProcess::CrashExit)
        fail(HelperError::Crashed, u"the helper crashed"_s);
    else if (m_elevated && exitCode == PKEXEC_DISMISSED)
        fail(HelperError::Cancelled, u"the authentication dialog was dismissed"_s);
    else if (m_elevated && exitCode == PKEXEC_NOT_AUTHORISED)
        fail(HelperError::NotAuthorised, details.isEmpty() ? u"not authorised"_s : details);
    else if (exitCode == HELPER_REFUSED_SETUP)
        fail(HelperError::RefusedToStart, details);
    else
        fail(HelperError::Crashed, u"the helper exited with status %1 without answering%2"_s.arg(exitCode).arg(
                details.isEmpty() ? QString() : u": "_s + details));
}

void ProcessClockHelper::onErrorOccurred(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart)
        fail(HelperError::NotInstalled, u"cannot start %1: %2"_s.arg(m_process.program(), m_process.errorString()));
}

void ProcessClockHelper::onTimeout()
{
    if (!m_awaiting)
        return;
    m_process.kill();
    fail(HelperError::Timeout, u"the helper did not answer in time"_s);
}

void ProcessClockHelper::fail(HelperError error, const QString &detail)
{
    if (m_failed)
        return;
    m_failed = true;
    m_awaiting = false;
    m_timer.stop();
    emit failed(error, detail);
}

} // namespace chronoscope::clock
