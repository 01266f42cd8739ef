// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/cmdmonsocket.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/sysservice/cmdmonprotocol.h"

namespace chronoscope::helper {

namespace cmdmon = sysservice::cmdmon;

namespace {

bool fillAddress(const std::string &path, sockaddr_un &address)
{
    std::memset(&address, 0, sizeof(address));
    address.sun_family = AF_UNIX;
    if (path.empty() || path.size() >= sizeof(address.sun_path))
        return false;
    std::memcpy(address.sun_path, path.data(), path.size());
    return true;
}

std::string directoryOf(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

// A socket, not a link, owned by root or by its directory's owner (chronyd's user owns
// /run/chrony), in a directory nobody else may write to.
CmdmonSocket::Opened inspect(const std::string &path, struct stat &info)
{
    CmdmonSocket::Opened out;
    if (lstat(path.c_str(), &info) != 0) {
        out.sysErrno = errno;
        out.error = errno == ENOENT ? CmdmonSocket::OpenError::Missing : CmdmonSocket::OpenError::Failed;
        out.detail = "cannot inspect " + path + ": " + std::strerror(out.sysErrno);
        return out;
    }
    struct stat dir{};
    const std::string parent = directoryOf(path);
    if (S_ISLNK(info.st_mode)) {
        out.detail = path + " is a symbolic link";
    } else if (!S_ISSOCK(info.st_mode)) {
        out.detail = path + " is not a socket";
    } else if (lstat(parent.c_str(), &dir) != 0 || !S_ISDIR(dir.st_mode)) {
        out.detail = parent + " is not a directory";
    } else if (info.st_uid != 0 && info.st_uid != dir.st_uid) {
        out.detail = path + " belongs to uid " + std::to_string(info.st_uid) + ", neither root nor its directory's owner";
    } else if ((dir.st_mode & S_IWOTH) != 0 || (dir.st_uid != 0 && dir.st_uid != info.st_uid)) {
        out.detail = parent + " may be written by others";
    } else {
        return out;
    }
    out.error = CmdmonSocket::OpenError::UnsafePath;
    return out;
}

void put16(std::vector<std::uint8_t> &b, std::size_t at, std::uint16_t v)
{
    b[at] = std::uint8_t(v >> 8);
    b[at + 1] = std::uint8_t(v);
}

std::uint16_t get16(std::span<const std::uint8_t> b, std::size_t at)
{
    return std::uint16_t(b[at] << 8 | b[at + 1]);
}

std::uint32_t get32(std::span<const std::uint8_t> b, std::size_t at)
{
    return std::uint32_t(b[at]) << 24 | std::uint32_t(b[at + 1]) << 16 | std::uint32_t(b[at + 2]) << 8 | b[at + 3];
}

} // namespace

CmdmonSocket::~CmdmonSocket()
{
    close();
}

void CmdmonSocket::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    if (!m_clientPath.empty())
        unlink(m_clientPath.c_str());
    if (!m_clientDir.empty())
        rmdir(m_clientDir.c_str());
    m_clientPath.clear();
    m_clientDir.clear();
}

CmdmonSocket::Opened CmdmonSocket::open(const std::string &serverPath, const std::string &clientDirectory)
{
    close();
    struct stat before{};
    Opened out = inspect(serverPath, before);
    if (out.error != OpenError::None)
        return out;
    sockaddr_un server{};
    if (!fillAddress(serverPath, server)) {
        out.error = OpenError::Failed;
        out.sysErrno = ENAMETOOLONG;
        out.detail = "socket path too long";
        return out;
    }
    std::string dirTemplate = clientDirectory + "/chronoscope-helper-cmdmon-XXXXXX";
    if (mkdtemp(dirTemplate.data()) == nullptr) {
        out.error = OpenError::Failed;
        out.sysErrno = errno;
        out.detail = "cannot create a client directory in " + clientDirectory + ": " + std::strerror(errno);
        return out;
    }
    m_clientDir = dirTemplate;
    chmod(m_clientDir.c_str(), 0711);   // chronyd, maybe as _chrony, must reach the socket
    m_clientPath = m_clientDir + "/client.sock";
    sockaddr_un client{};
    m_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (!fillAddress(m_clientPath, client) || m_fd < 0
        || bind(m_fd, reinterpret_cast<const sockaddr *>(&client), sizeof(client)) != 0) {
        out.error = OpenError::Failed;
        out.sysErrno = errno;
        out.detail = "cannot bind a client socket in " + m_clientDir;
        close();
        return out;
    }
    chmod(m_clientPath.c_str(), 0666);
    if (connect(m_fd, reinterpret_cast<const sockaddr *>(&server), sizeof(server)) != 0) {
        out.sysErrno = errno;
        out.error = errno == ECONNREFUSED ? OpenError::Dead : errno == EPROTOTYPE ? OpenError::UnsafePath : OpenError::Failed;
        out.detail = (errno == ECONNREFUSED ? "dead socket: nothing listens on " : "cannot connect to ") + serverPath
            + ": " + std::strerror(out.sysErrno);
        close();
        return out;
    }
    struct stat after{};
    out = inspect(serverPath, after);
    if (out.error == OpenError::None && (after.st_ino != before.st_ino || after.st_dev != before.st_dev)) {
        out.error = OpenError::UnsafePath;
        out.detail = serverPath + " was replaced while connecting";
    }
    if (out.error != OpenError::None)
        close();
    std::random_device random;
    m_sequence = random();
    return out;
}

std::optional<std::vector<std::uint8_t>> CmdmonSocket::exchange(std::uint16_t command, std::span<const std::uint8_t> data,
                                                                int replyDataSize, int timeoutMs, int attempts)
{
    if (m_fd < 0)
        return std::nullopt;
    const std::uint32_t sequence = ++m_sequence;
    const std::size_t length = std::max<std::size_t>(cmdmon::REQUEST_HEADER_SIZE + data.size(),
                                                     std::size_t(cmdmon::REPLY_HEADER_SIZE + replyDataSize));
    std::vector<std::uint8_t> request(length, 0);
    request[0] = cmdmon::PROTOCOL_VERSION;
    request[1] = cmdmon::PACKET_REQUEST;
    put16(request, 4, command);
    request[8] = std::uint8_t(sequence >> 24);
    request[9] = std::uint8_t(sequence >> 16);
    request[10] = std::uint8_t(sequence >> 8);
    request[11] = std::uint8_t(sequence);
    std::copy(data.begin(), data.end(), request.begin() + cmdmon::REQUEST_HEADER_SIZE);
    std::vector<std::uint8_t> reply(cmdmon::MAX_DATAGRAM_SIZE + 1);
    for (int attempt = 0; attempt < attempts; ++attempt) {
        put16(request, 6, std::uint16_t(attempt));
        if (send(m_fd, request.data(), request.size(), MSG_NOSIGNAL) < 0)
            return std::nullopt;
        for (;;) {
            pollfd pfd{m_fd, POLLIN, 0};
            const int ready = poll(&pfd, 1, timeoutMs);
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready <= 0)
                break;
            const ssize_t n = recv(m_fd, reply.data(), reply.size(), 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return std::nullopt;
            const std::span<const std::uint8_t> got(reply.data(), std::size_t(n));
            // Anything that is not the reply to this request (an old attempt's, a stray
            // datagram) is dropped.
            if (got.size() < std::size_t(cmdmon::REPLY_HEADER_SIZE) || got.size() > std::size_t(cmdmon::MAX_DATAGRAM_SIZE)
                || got[0] != cmdmon::PROTOCOL_VERSION || got[1] != cmdmon::PACKET_REPLY || get16(got, 4) != command
                || get32(got, 16) != sequence)
                continue;
            return std::vector<std::uint8_t>(got.begin(), got.end());
        }
    }
    return std::nullopt;
}

std::uint16_t CmdmonSocket::replyStatus(std::span<const std::uint8_t> reply)
{
    return get16(reply, 8);
}

std::uint16_t CmdmonSocket::replyCode(std::span<const std::uint8_t> reply)
{
    return get16(reply, 6);
}

} // namespace chronoscope::helper
