// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/unixcmdmontransport.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include "core/sysservice/cmdmonprotocol.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {
namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

bool fillAddress(const QByteArray &path, sockaddr_un &address)
{
    std::memset(&address, 0, sizeof(address));
    address.sun_family = AF_UNIX;
    if (path.isEmpty() || path.size() >= qsizetype(sizeof(address.sun_path)))
        return false;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    return true;
}

QString clientBaseDirectory()
{
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo(QString::fromLocal8Bit(runtime)).isDir())
        return QString::fromLocal8Bit(runtime);
    return QDir::tempPath();
}

// Checks what `path` is before connecting to it: a socket, not a symbolic link, owned by root or
// by us. Returns the stat for a later comparison.
Result<struct stat> inspectSocketPath(const QString &path)
{
    struct stat info {};
    const QByteArray native = QFile::encodeName(path);
    if (::lstat(native.constData(), &info) != 0) {
        const int error = errno;
        if (error == ENOENT)
            return Error{u"no chronyd command socket at %1: is chronyd running (and is this its bindcmdaddress)?"_s.arg(path)};
        if (error == EACCES)
            return Error{u"permission denied: %1 is in a directory only root and the chrony user may enter "
                         "(run as root, or read chronyd through its command port, cmdport 323)"_s.arg(path)};
        return Error{u"cannot inspect %1: %2"_s.arg(path, errnoText(error))};
    }
    if (S_ISLNK(info.st_mode))
        return Error{u"%1 is a symbolic link; Chronoscope does not follow links to chronyd's socket"_s.arg(path)};
    if (!S_ISSOCK(info.st_mode))
        return Error{u"%1 is not a socket (a foreign file where chronyd's socket should be)"_s.arg(path)};
    if (info.st_uid != 0 && info.st_uid != ::geteuid())
        return Error{u"%1 belongs to user id %2, neither root nor this user: not chronyd's socket"_s.arg(path).arg(info.st_uid)};
    struct stat dirInfo {};
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    if (::stat(dir.constData(), &dirInfo) == 0 && (dirInfo.st_mode & S_IWOTH) != 0 && (dirInfo.st_mode & S_ISVTX) == 0)
        return Error{u"%1 is in a directory every user may write to (%2): its socket could be swapped"_s
                         .arg(path, QString::fromLocal8Bit(dir))};
    return info;
}

} // namespace

bool UnixCmdmonTransport::isPermissionError(const QString &message)
{
    return message.startsWith(u"permission denied"_s);
}

Result<std::unique_ptr<UnixCmdmonTransport>> UnixCmdmonTransport::open(const QString &socketPath)
{
    const QString serverPath = QFileInfo(socketPath).isRelative() ? QFileInfo(socketPath).absoluteFilePath() : socketPath;
    sockaddr_un server {};
    if (!fillAddress(QFile::encodeName(serverPath), server))
        return Error{u"socket path %1 is empty or longer than %2 bytes"_s.arg(serverPath).arg(sizeof(server.sun_path) - 1)};
    const Result<struct stat> before = inspectSocketPath(serverPath);
    if (!before)
        return before.error();

    std::unique_ptr<UnixCmdmonTransport> transport(new UnixCmdmonTransport);
    transport->m_serverPath = serverPath;
    QByteArray dirTemplate = QFile::encodeName(clientBaseDirectory() + u"/chronoscope-cmdmon-XXXXXX"_s);
    if (::mkdtemp(dirTemplate.data()) == nullptr)
        return Error{u"cannot create a private directory for the client socket in %1: %2"_s.arg(clientBaseDirectory(), errnoText(errno))};
    transport->m_clientDir = QFile::decodeName(dirTemplate);
    // chronyd (maybe running as _chrony) must reach the socket to answer; nobody may list or
    // create anything in the directory.
    ::chmod(dirTemplate.constData(), 0711);
    transport->m_clientPath = transport->m_clientDir + u"/client.sock"_s;
    sockaddr_un client {};
    if (!fillAddress(QFile::encodeName(transport->m_clientPath), client))
        return Error{u"client socket path %1 is too long"_s.arg(transport->m_clientPath)};

    transport->m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (transport->m_fd < 0)
        return Error{u"cannot create a Unix datagram socket: %1"_s.arg(errnoText(errno))};
    if (::bind(transport->m_fd, reinterpret_cast<const sockaddr *>(&client), sizeof(client)) != 0)
        return Error{u"cannot bind the client socket %1: %2"_s.arg(transport->m_clientPath, errnoText(errno))};
    ::chmod(client.sun_path, 0666);
    if (::connect(transport->m_fd, reinterpret_cast<const sockaddr *>(&server), sizeof(server)) != 0) {
        const int error = errno;
        if (error == ECONNREFUSED)
            return Error{u"dead socket: nothing listens on %1 (left behind by a stopped chronyd?)"_s.arg(serverPath)};
        if (error == EPROTOTYPE)
            return Error{u"%1 is a stream socket, not chronyd's datagram socket"_s.arg(serverPath)};
        if (error == EACCES || error == EPERM)
            return Error{u"permission denied: this user may not write to %1 (run as root, or read chronyd through its command port, cmdport 323)"_s.arg(serverPath)};
        return Error{u"cannot connect to %1: %2"_s.arg(serverPath, errnoText(error))};
    }
    // The path must still be the socket inspected above (no swap between the check and connect).
    const Result<struct stat> after = inspectSocketPath(serverPath);
    if (!after)
        return after.error();
    if (after->st_ino != before->st_ino || after->st_dev != before->st_dev)
        return Error{u"%1 was replaced while connecting; refusing it"_s.arg(serverPath)};
    return transport;
}

UnixCmdmonTransport::~UnixCmdmonTransport()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_clientPath.isEmpty())
        ::unlink(QFile::encodeName(m_clientPath).constData());
    if (!m_clientDir.isEmpty())
        ::rmdir(QFile::encodeName(m_clientDir).constData());
}

Result<bool> UnixCmdmonTransport::send(QByteArrayView request)
{
    ssize_t sent = -1;
    do {
        sent = ::send(m_fd, request.data(), size_t(request.size()), MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    if (sent < 0) {
        const int error = errno;
        if (error == ECONNREFUSED || error == ENOTCONN)
            return Error{u"chronyd's socket %1 stopped answering (chronyd stopped?)"_s.arg(m_serverPath)};
        return Error{u"cannot send to %1: %2"_s.arg(m_serverPath, errnoText(error))};
    }
    if (sent != request.size())
        return Error{u"sent %1 of %2 bytes to %3"_s.arg(sent).arg(request.size()).arg(m_serverPath)};
    return true;
}

Result<QByteArray> UnixCmdmonTransport::receive(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const int remaining = int(qMax<qint64>(0, timeoutMs - timer.elapsed()));
        pollfd fds { m_fd, POLLIN, 0 };
        const int ready = ::poll(&fds, 1, remaining);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return Error{u"waiting for %1 failed: %2"_s.arg(m_serverPath, errnoText(errno))};
        if (ready == 0)
            return Error{u"no reply from %1 within %2 ms (is it chronyd's socket?)"_s.arg(m_serverPath).arg(timeoutMs)};
        QByteArray buffer(cmdmon::MAX_DATAGRAM_SIZE + 1, '\0');
        const ssize_t got = ::recv(m_fd, buffer.data(), size_t(buffer.size()), MSG_DONTWAIT);
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (got < 0) {
            const int error = errno;
            if (error == ECONNREFUSED)
                return Error{u"chronyd's socket %1 stopped answering (chronyd stopped?)"_s.arg(m_serverPath)};
            return Error{u"cannot read from %1: %2"_s.arg(m_serverPath, errnoText(error))};
        }
        buffer.truncate(got);
        return buffer;
    }
}

} // namespace chronoscope::sysservice
