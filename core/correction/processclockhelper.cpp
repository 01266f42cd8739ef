// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/correction/processclockhelper.h"

#include "core/correction/helperframeread.h"
#include "core/protocol/codec.h"

using namespace Qt::StringLiterals;

namespace chronoscope::correction {

ProcessClockHelper::ProcessClockHelper(QObject *parent)
    : ClockHelper(parent)
    , m_process(this)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProcessClockHelper::onTimeout);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ProcessClockHelper::onReadyRead);
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { keepHelperStderr(m_stderr, m_process); });
    connect(&m_process, &QProcess::finished, this, &ProcessClockHelper::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &ProcessClockHelper::onErrorOccurred);
}

ProcessClockHelper::~ProcessClockHelper()
{
    endHelperProcess(m_process);
}

void ProcessClockHelper::open(protocol::Verb verb, bool dryRun)
{
    // The previous run's input is closed; let it finish before reusing the process object.
    endHelperProcess(m_process);
    m_failed = false;
    m_answeredOnce = false;
    m_reader.reset();
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
    m_reader.expect(request.requestId);
    m_process.write(reinterpret_cast<const char *>(frame.data()), qint64(frame.size()));
    m_timer.start(m_answeredOnce ? REPLY_TIMEOUT_MS : FIRST_REPLY_TIMEOUT_MS);
}

void ProcessClockHelper::close()
{
    m_reader.reset();
    m_timer.stop();
    if (m_process.state() != QProcess::NotRunning)
        m_process.closeWriteChannel();
}

void ProcessClockHelper::onReadyRead()
{
    // Read only the expected reply; anything else stays in QProcess's buffer, unread.
    if (m_failed)
        return;
    switch (readExpectedFrame(m_process, m_reader)) {
    case ResponseFrameReader::Progress::NeedMore:
        return;
    case ResponseFrameReader::Progress::Invalid:
        fail(HelperError::BadReply, m_reader.error());
        return;
    case ResponseFrameReader::Progress::Replied:
        m_answeredOnce = true;
        m_timer.stop();
        const protocol::Response response = m_reader.response(); // send() may follow at once
        emit replied(response);
        return;
    }
}

void ProcessClockHelper::onFinished(int exitCode, QProcess::ExitStatus status)
{
    keepHelperStderr(m_stderr, m_process);
    onReadyRead();
    if (!m_reader.isAwaiting() || m_failed)
        return;
    const HelperExit ended = classifyHelperExit(exitCode, status, m_elevated, QString::fromUtf8(m_stderr).trimmed());
    fail(ended.error, ended.detail);
}

void ProcessClockHelper::onErrorOccurred(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart)
        fail(HelperError::NotInstalled, u"cannot start %1: %2"_s.arg(m_process.program(), m_process.errorString()));
}

void ProcessClockHelper::onTimeout()
{
    if (!m_reader.isAwaiting())
        return;
    m_process.kill();
    fail(HelperError::Timeout, u"the helper did not answer in time"_s);
}

void ProcessClockHelper::fail(HelperError error, QString detail)
{
    if (m_failed)
        return;
    m_failed = true;
    m_reader.reset();
    m_timer.stop();
    emit failed(error, detail);
}

} // namespace chronoscope::correction
