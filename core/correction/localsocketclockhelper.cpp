// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/correction/localsocketclockhelper.h"

#include "core/protocol/codec.h"
#include "core/protocol/names.h"

using namespace Qt::StringLiterals;

namespace chronoscope::correction {
namespace {

std::uint32_t capabilityFor(protocol::Verb verb)
{
    switch (verb) {
    case protocol::Verb::Step: return protocol::CAP_STEP;
    case protocol::Verb::Slew: return protocol::CAP_SLEW;
    case protocol::Verb::ReadState: return protocol::CAP_READ_STATE;
    }
    return protocol::CAP_READ_STATE;
}

QString allowedOps(std::uint32_t capabilities)
{
    QStringList ops;
    if (capabilities & protocol::CAP_READ_STATE)
        ops.append(u"read"_s);
    if (capabilities & protocol::CAP_SLEW)
        ops.append(u"slew"_s);
    if (capabilities & protocol::CAP_STEP)
        ops.append(u"step"_s);
    return ops.isEmpty() ? u"nothing"_s : ops.join(u", "_s);
}

} // namespace

LocalSocketClockHelper::LocalSocketClockHelper(const QString &serverName, QObject *parent)
    : ClockHelper(parent)
    , m_serverName(serverName)
    , m_socket(this)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    // Qt never buffers more than one reply for us (a hostile server cannot fill our memory).
    m_socket.setReadBufferSize(qint64(protocol::RESPONSE_SIZE));
    connect(&m_timer, &QTimer::timeout, this, &LocalSocketClockHelper::onTimeout);
    connect(&m_socket, &QLocalSocket::connected, this, &LocalSocketClockHelper::onConnected);
    connect(&m_socket, &QLocalSocket::readyRead, this, &LocalSocketClockHelper::onReadyRead);
    connect(&m_socket, &QLocalSocket::errorOccurred, this, &LocalSocketClockHelper::onErrorOccurred);
}

LocalSocketClockHelper::~LocalSocketClockHelper()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

void LocalSocketClockHelper::setTimeouts(int connectMs, int replyMs)
{
    m_connectTimeoutMs = connectMs;
    m_replyTimeoutMs = replyMs;
}

void LocalSocketClockHelper::open(protocol::Verb verb, bool dryRun)
{
    ++m_session;
    m_open = false; // the old connection's end is not this session's error
    m_socket.abort();
    m_timer.stop();
    m_reader.reset();
    m_pending.reset();
    m_diagnostics.clear();
    m_verb = verb;
    m_dryRun = dryRun;
    m_open = true;
    m_failed = false;
    m_startRequested = false;
    connectToService();
}

void LocalSocketClockHelper::connectToService()
{
    m_connecting = true;
    m_timer.start(m_connectTimeoutMs);
    m_socket.connectToServer(m_serverName, QIODevice::ReadWrite); // may report at once
}

bool LocalSocketClockHelper::startServiceAndRetry()
{
    if (!m_startService)
        return false;
    if (!m_startRequested) {
        m_startRequested = true;
        if (const std::optional<StartRefusal> refusal = m_startService()) {
            fail(refusal->error, refusal->detail);
            return true;
        }
        note(u"asked for the helper service to be started"_s);
    }
    // The connect timer keeps running: it bounds the wait for the endpoint.
    const std::uint64_t session = m_session;
    QTimer::singleShot(CONNECT_RETRY_MS, this, [this, session] {
        if (session != m_session || !m_open || m_failed || !m_connecting)
            return;
        m_socket.abort();
        m_socket.connectToServer(m_serverName, QIODevice::ReadWrite);
    });
    return true;
}

void LocalSocketClockHelper::send(const protocol::Request &request)
{
    if (!m_open || m_failed)
        return;
    m_pending = request;
    if (m_socket.state() == QLocalSocket::ConnectedState)
        writePending();
    else if (!m_connecting)
        connectToService(); // the service closed an idle connection: a new one, judged anew
}

void LocalSocketClockHelper::writePending()
{
    const protocol::Request request = *m_pending;
    m_pending.reset();
    const protocol::RequestFrame frame = protocol::encodeRequest(request);
    m_sentOp = request.op;
    m_reader.expect(request.requestId);
    m_timer.start(m_replyTimeoutMs);
    m_socket.write(reinterpret_cast<const char *>(frame.data()), qint64(frame.size()));
}

void LocalSocketClockHelper::close()
{
    ++m_session;
    m_open = false;
    m_connecting = false;
    m_timer.stop();
    m_reader.reset();
    m_pending.reset();
    m_socket.abort();
}

void LocalSocketClockHelper::onConnected()
{
    m_connecting = false;
    m_timer.stop();
    note(u"connected to %1"_s.arg(m_socket.fullServerName()));
    if (m_pending)
        writePending();
}

void LocalSocketClockHelper::onReadyRead()
{
    while (m_open && !m_failed && m_socket.bytesAvailable() > 0) {
        if (!m_reader.isAwaiting()) {
            fail(HelperError::BadReply,
                 u"the helper sent %1 bytes nobody asked for"_s.arg(m_socket.bytesAvailable()));
            return;
        }
        switch (m_reader.feed(m_socket.read(m_reader.bytesWanted()))) {
        case ResponseFrameReader::Progress::NeedMore:
            break;
        case ResponseFrameReader::Progress::Invalid:
            fail(HelperError::BadReply, m_reader.error());
            return;
        case ResponseFrameReader::Progress::Replied: {
            m_timer.stop();
            const protocol::Response response = m_reader.response(); // send() may follow at once
            if (m_sentOp == protocol::Op::Hello && response.status == protocol::Status::Ok && !acceptHello(response))
                return;
            emit replied(response);
            break;
        }
        }
    }
}

bool LocalSocketClockHelper::acceptHello(const protocol::Response &response)
{
    const bool dryRunService = (response.flags & protocol::RESPONSE_DRY_RUN) != 0;
    note(u"the helper service allows this account: %1%2"_s.arg(
            allowedOps(response.info.capabilities),
            dryRunService ? u" (dry run: it changes nothing)"_s : QString()));
    if ((response.info.capabilities & capabilityFor(m_verb)) == 0) {
        fail(HelperError::NotAuthorised,
             u"this account may not %1 the clock: the helper service allows that to administrators "
             "(and members of its configured group) only"_s.arg(QString::fromLatin1(protocol::verbName(m_verb))));
        return false;
    }
    if (m_dryRun && !dryRunService && m_verb != protocol::Verb::ReadState) {
        fail(HelperError::RefusedToStart,
             u"a dry run was asked for, but the helper service changes the clock; nothing was sent"_s);
        return false;
    }
    return true;
}

void LocalSocketClockHelper::onErrorOccurred(QLocalSocket::LocalSocketError error)
{
    if (!m_open || m_failed)
        return;
    const QString name = m_serverName;
    if (m_connecting) {
        if (error == QLocalSocket::ServerNotFoundError && startServiceAndRetry())
            return;
        m_connecting = false;
        switch (error) {
        case QLocalSocket::ServerNotFoundError:
#ifdef Q_OS_WIN
            fail(HelperError::ServiceNotRunning,
                 u"the Chronoscope helper service is not running (no pipe %1); start it, or reinstall "
                 "Chronoscope if it is missing"_s.arg(m_socket.fullServerName()));
#else
            fail(HelperError::NotInstalled,
                 u"no helper socket at %1: the helper daemon is not installed or not approved "
                 "(System Settings, General, Login Items)"_s.arg(name));
#endif
            return;
        case QLocalSocket::ConnectionRefusedError:
            fail(HelperError::ServiceNotRunning, u"nothing listens on %1: the helper service is not running"_s.arg(name));
            return;
        case QLocalSocket::SocketAccessError:
            fail(HelperError::NotAuthorised, u"permission refused to connect to %1"_s.arg(name));
            return;
        case QLocalSocket::SocketTimeoutError:
            fail(HelperError::Timeout, u"connecting to %1 timed out"_s.arg(name));
            return;
        default:
            fail(HelperError::ServiceNotRunning, u"cannot connect to %1: %2"_s.arg(name, m_socket.errorString()));
            return;
        }
    }
    if (error == QLocalSocket::PeerClosedError && !m_reader.isAwaiting())
        return; // an idle connection closed by the service: the next request connects again
    fail(HelperError::Crashed, error == QLocalSocket::PeerClosedError
                 ? u"the helper service closed the connection without answering"_s
                 : u"the connection to the helper service failed: %1"_s.arg(m_socket.errorString()));
}

void LocalSocketClockHelper::onTimeout()
{
    if (!m_open || m_failed)
        return;
    if (m_connecting && m_startRequested)
        fail(HelperError::ServiceNotRunning, u"the helper service was started, but %1 did not appear within %2 ms"_s.arg(
                                                     m_serverName).arg(m_connectTimeoutMs));
    else if (m_connecting)
        fail(HelperError::Timeout, u"connecting to %1 timed out after %2 ms"_s.arg(m_serverName).arg(m_connectTimeoutMs));
    else if (m_reader.isAwaiting())
        fail(HelperError::Timeout, u"the helper service did not answer within %1 ms"_s.arg(m_replyTimeoutMs));
}

void LocalSocketClockHelper::note(const QString &line)
{
    constexpr qsizetype MAX_LINES = 16; // a session has a handful; never grows without bound
    if (m_diagnostics.size() < MAX_LINES)
        m_diagnostics.append(line);
}

void LocalSocketClockHelper::fail(HelperError error, QString detail)
{
    if (m_failed)
        return;
    m_failed = true;
    m_connecting = false;
    m_timer.stop();
    m_reader.reset();
    m_pending.reset();
    note(detail);
    m_socket.abort();
    // Reported from the event loop: connectToServer() may fail inside open(), before the caller
    // has sent its first request.
    const std::uint64_t session = m_session;
    QTimer::singleShot(0, this, [this, session, error, detail] {
        if (session == m_session)
            emit failed(error, detail);
    });
}

} // namespace chronoscope::correction
