// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/processtimeservicehelper.h"

#include "core/correction/helperframeread.h"
#include "core/protocol/timeservicecodec.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

namespace ts = protocol::timeservice;
using correction::HelperError;

namespace {


} // namespace

Result<correction::HelperLaunch> timeServiceHelperLaunch(bool dryRun, bool readOnly)
{
    const std::string_view verb = readOnly ? ts::READ_VERB : ts::VERB;
    QStringList helperArguments{QString::fromLatin1(verb.data(), qsizetype(verb.size()))};
    if (dryRun)
        helperArguments.append(u"--dry-run"_s);

    correction::HelperLaunch launch;
    const QString override = qEnvironmentVariable("CHRONOSCOPE_HELPER");
    if (!override.isEmpty()) {
        // The helper's hidden test options (HELPER.md §5.5); it takes them only while
        // CHRONOSCOPE_FORBID_CLOCK_CHANGES is set, which pkexec clears.
        const QList<QPair<const char *, QString>> testOptions{
                {"CHRONOSCOPE_HELPER_TEST_ROOT", u"--test-root"_s},
                {"CHRONOSCOPE_HELPER_TEST_CHRONYD_SOCKET", u"--test-chronyd-socket"_s},
                {"CHRONOSCOPE_HELPER_TEST_GRACE_MS", u"--test-grace-ms"_s}};
        for (const auto &[variable, option] : testOptions) {
            const QString value = qEnvironmentVariable(variable);
            if (!value.isEmpty())
                helperArguments << option << value;
        }
        launch.program = override;
        launch.arguments = helperArguments;
        return launch;
    }
    return correction::elevatedHelperLaunch(helperArguments, u"the helper"_s);
}

ProcessTimeServiceHelper::ProcessTimeServiceHelper(QObject *parent)
    : TimeServiceHelper(parent)
    , m_process(this)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProcessTimeServiceHelper::onTimeout);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ProcessTimeServiceHelper::onReadyRead);
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { correction::keepHelperStderr(m_stderr, m_process); });
    connect(&m_process, &QProcess::finished, this, &ProcessTimeServiceHelper::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &ProcessTimeServiceHelper::onErrorOccurred);
}

ProcessTimeServiceHelper::~ProcessTimeServiceHelper()
{
    correction::endHelperProcess(m_process);
}

void ProcessTimeServiceHelper::open(bool dryRun)
{
    correction::endHelperProcess(m_process);
    m_failed = false;
    m_reader.reset();
    m_stderr.clear();
    const Result<correction::HelperLaunch> launch =
            m_override ? Result<correction::HelperLaunch>(*m_override) : timeServiceHelperLaunch(dryRun);
    if (!launch) {
        // Nothing may be sent to a helper that never started; say so asynchronously, like
        // every other failure.
        m_failed = true;
        const QString message = launch.errorMessage();
        QTimer::singleShot(0, this, [this, message] { emit failed(HelperError::NotInstalled, message); });
        return;
    }
    m_elevated = launch->elevated;
    m_process.setProgram(launch->program);
    m_process.setArguments(launch->arguments);
    m_process.start(QIODevice::ReadWrite);
}

void ProcessTimeServiceHelper::send(const ts::Request &request)
{
    if (m_failed)
        return;
    const std::vector<std::uint8_t> frame = ts::encodeRequest(request);
    if (frame.empty()) {
        QTimer::singleShot(0, this, [this] { fail(HelperError::BadReply, u"the request cannot be encoded"_s); });
        return;
    }
    m_reader.expect(request.requestId);
    m_process.write(reinterpret_cast<const char *>(frame.data()), qint64(frame.size()));
    m_timer.start(REPLY_TIMEOUT_MS);
}

void ProcessTimeServiceHelper::close()
{
    m_reader.reset();
    m_timer.stop();
    if (m_process.state() != QProcess::NotRunning)
        m_process.closeWriteChannel();
}

void ProcessTimeServiceHelper::onReadyRead()
{
    // Read only the expected reply; anything else stays unread in QProcess's buffer.
    if (m_failed)
        return;
    switch (correction::readExpectedFrame(m_process, m_reader)) {
    case TimeServiceFrameReader::Progress::NeedMore:
        return;
    case TimeServiceFrameReader::Progress::Invalid:
        fail(HelperError::BadReply, m_reader.error());
        return;
    case TimeServiceFrameReader::Progress::Replied:
        m_timer.stop();
        const ts::Response response = m_reader.response();
        emit replied(response);
        return;
    }
}

void ProcessTimeServiceHelper::onFinished(int exitCode, QProcess::ExitStatus status)
{
    correction::keepHelperStderr(m_stderr, m_process);
    onReadyRead();
    if (!m_reader.isAwaiting() || m_failed)
        return;
    const correction::HelperExit ended =
        correction::classifyHelperExit(exitCode, status, m_elevated, QString::fromUtf8(m_stderr).trimmed());
    fail(ended.error, ended.detail);
}

void ProcessTimeServiceHelper::onErrorOccurred(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart)
        fail(HelperError::NotInstalled, u"cannot start %1: %2"_s.arg(m_process.program(), m_process.errorString()));
}

void ProcessTimeServiceHelper::onTimeout()
{
    if (!m_reader.isAwaiting())
        return;
    m_process.kill();
    fail(HelperError::Timeout, u"the helper did not answer within %1 minutes"_s.arg(REPLY_TIMEOUT_MS / 60000));
}

void ProcessTimeServiceHelper::fail(HelperError error, QString detail)
{
    if (m_failed)
        return;
    m_failed = true;
    m_reader.reset();
    m_timer.stop();
    emit failed(error, detail);
}

} // namespace chronoscope::sysservice
