// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/configdirectory.h"

#include <cerrno>
#include <cstring>
#include <random>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace chronoscope::helper {

using protocol::timeservice::Status;

namespace {

ConfigDirectory::Result failure(Status status, int error, std::string detail)
{
    ConfigDirectory::Result r;
    r.status = status;
    r.sysErrno = error;
    r.detail = std::move(detail);
    if (error != 0)
        r.detail += std::string(": ") + std::strerror(error);
    return r;
}

std::string parentOf(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos || slash == 0 ? "/" : path.substr(0, slash);
}

} // namespace

ConfigDirectory::~ConfigDirectory()
{
    if (m_lockFd >= 0)
        close(m_lockFd);
    if (m_fd >= 0)
        close(m_fd);
}

bool ConfigDirectory::creatable(const std::string &path)
{
    struct stat st{};
    return lstat(path.c_str(), &st) != 0 && errno == ENOENT && lstat(parentOf(path).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

ConfigDirectory::Result ConfigDirectory::lock(const std::string &name)
{
    const int fd = openat(m_fd, name.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return failure(Status::Failed, errno, "cannot open the lock " + m_path + "/" + name);
    while (flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            const int error = errno;
            close(fd);
            return failure(Status::Failed, error, "cannot lock " + m_path + "/" + name);
        }
    }
    m_lockFd = fd;
    return {};
}

ConfigDirectory::Result ConfigDirectory::open(const std::string &path, bool create)
{
    m_path = path;
    struct stat st{};
    if (lstat(path.c_str(), &st) != 0) {
        if (errno != ENOENT)
            return failure(Status::Failed, errno, "cannot inspect " + path);
        struct stat parent{};
        if (!create || lstat(parentOf(path).c_str(), &parent) != 0 || !S_ISDIR(parent.st_mode))
            return failure(Status::ConfigMissing, 0, path + " does not exist");
        if (mkdir(path.c_str(), 0755) != 0 && errno != EEXIST)
            return failure(errno == EACCES || errno == EROFS || errno == EPERM ? Status::NotWritable : Status::Failed,
                           errno, "cannot create " + path);
        if (lstat(path.c_str(), &st) != 0)
            return failure(Status::Failed, errno, "cannot inspect " + path);
    }
    if (S_ISLNK(st.st_mode))
        return failure(Status::UnsafePath, 0, path + " is a symbolic link");
    if (!S_ISDIR(st.st_mode))
        return failure(Status::UnsafePath, 0, path + " is not a directory");
    m_fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (m_fd < 0)
        return failure(errno == ELOOP ? Status::UnsafePath : Status::Failed, errno, "cannot open " + path);
    if (fstat(m_fd, &st) != 0)
        return failure(Status::Failed, errno, "cannot inspect " + path);
    if ((st.st_uid != 0 && st.st_uid != geteuid()) || (st.st_mode & S_IWOTH) != 0)
        return failure(Status::UnsafePath, 0, path + " is writable by others or owned by uid " + std::to_string(st.st_uid));
    if (faccessat(m_fd, ".", W_OK | X_OK, AT_EACCESS) != 0)
        return failure(Status::NotWritable, errno, path + " is not writable");
    return {};
}

ConfigDirectory::Result ConfigDirectory::read(const std::string &name, std::string &content, bool &exists) const
{
    content.clear();
    exists = false;
    struct stat st{};
    if (fstatat(m_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT)
            return {};
        return failure(Status::Failed, errno, "cannot inspect " + m_path + "/" + name);
    }
    if (S_ISLNK(st.st_mode))
        return failure(Status::UnsafePath, 0, m_path + "/" + name + " is a symbolic link");
    if (!S_ISREG(st.st_mode))
        return failure(Status::UnsafePath, 0, m_path + "/" + name + " is not a regular file");
    const int fd = openat(m_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return failure(errno == ELOOP ? Status::UnsafePath : Status::Failed, errno, "cannot open " + m_path + "/" + name);
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || std::size_t(st.st_size) > MAX_FILE_SIZE) {
        close(fd);
        return failure(Status::Failed, EFBIG, m_path + "/" + name + " is not a regular file of at most 1 MiB");
    }
    char buffer[8192];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            close(fd);
            return failure(Status::Failed, error, "cannot read " + m_path + "/" + name);
        }
        if (n == 0)
            break;
        content.append(buffer, std::size_t(n));
        if (content.size() > MAX_FILE_SIZE) {
            close(fd);
            return failure(Status::Failed, EFBIG, m_path + "/" + name + " grew beyond 1 MiB while it was read");
        }
    }
    close(fd);
    exists = true;
    return {};
}

ConfigDirectory::Result ConfigDirectory::replace(const std::string &name, const std::string &content) const
{
    std::random_device random;
    const std::string temporary = ".chronoscope-" + std::to_string(random()) + ".tmp";
    const int fd = openat(m_fd, temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return failure(errno == EACCES || errno == EROFS || errno == EPERM ? Status::NotWritable : Status::Failed, errno,
                       "cannot create a temporary file in " + m_path);
    int error = 0;
    std::size_t written = 0;
    while (error == 0 && written < content.size()) {
        const ssize_t n = write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            error = n < 0 ? errno : EIO;
        else
            written += std::size_t(n);
    }
    if (error == 0 && geteuid() == 0 && fchown(fd, 0, 0) != 0)
        error = errno;
    if (error == 0 && fchmod(fd, 0644) != 0)
        error = errno;
    if (error == 0 && fsync(fd) != 0)
        error = errno;
    if (close(fd) != 0 && error == 0)
        error = errno;
    if (error == 0 && renameat(m_fd, temporary.c_str(), m_fd, name.c_str()) != 0)
        error = errno;
    if (error != 0) {
        unlinkat(m_fd, temporary.c_str(), 0);
        return failure(Status::Failed, error, "cannot write " + m_path + "/" + name);
    }
    fsync(m_fd);
    return {};
}

ConfigDirectory::Result ConfigDirectory::remove(const std::string &name) const
{
    if (unlinkat(m_fd, name.c_str(), 0) != 0 && errno != ENOENT)
        return failure(Status::Failed, errno, "cannot remove " + m_path + "/" + name);
    fsync(m_fd);
    return {};
}

} // namespace chronoscope::helper
