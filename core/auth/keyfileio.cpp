// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/keyfileio.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#  include <cerrno>
#  include <cstdlib>
#  include <cstring>

#  include <fcntl.h>
#  include <sys/stat.h>
#  include <unistd.h>
#endif

#include "core/auth/keyfileparser.h"
#include "core/auth/secretbytes.h"

using namespace Qt::StringLiterals;

namespace chronoscope::auth {
namespace {

constexpr QFileDevice::Permissions OWNER_ONLY = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions OTHERS_ACCESS = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

int modeBits(QFileDevice::Permissions p)
{
    int mode = 0;
    mode |= p.testFlag(QFileDevice::ReadOwner) ? 0400 : 0;
    mode |= p.testFlag(QFileDevice::WriteOwner) ? 0200 : 0;
    mode |= p.testFlag(QFileDevice::ExeOwner) ? 0100 : 0;
    mode |= p.testFlag(QFileDevice::ReadGroup) ? 040 : 0;
    mode |= p.testFlag(QFileDevice::WriteGroup) ? 020 : 0;
    mode |= p.testFlag(QFileDevice::ExeGroup) ? 010 : 0;
    mode |= p.testFlag(QFileDevice::ReadOther) ? 04 : 0;
    mode |= p.testFlag(QFileDevice::WriteOther) ? 02 : 0;
    mode |= p.testFlag(QFileDevice::ExeOther) ? 01 : 0;
    return mode;
}

} // namespace

QString permissionText(const QString &path)
{
    return u"0%1"_s.arg(modeBits(QFileInfo(path).permissions()), 3, 8, QLatin1Char('0'));
}

std::optional<Error> checkPrivatePermissions(const QString &path)
{
#ifdef Q_OS_UNIX
    const QFileInfo info(path);
    if (!info.exists())
        return Error{u"%1: no such file"_s.arg(path)};
    if (info.permissions() & OTHERS_ACCESS)
        return Error{u"refusing to use %1: it holds secret keys but its mode %2 lets group or others read or change "
                     u"it; make it private with: chmod 600 %1"_s.arg(path, permissionText(path))};
#else
    Q_UNUSED(path);
#endif
    return std::nullopt;
}

Result<KeyFileContents> readKeyFile(const QString &path, std::optional<KeyFileFormat> format, bool requirePrivate)
{
    QFile file(path);
    // Unbuffered: the secrets land only in `data` (no QIODevice buffer), which is wiped once parsed.
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error{u"cannot read %1: %2"_s.arg(path, file.errorString())};
    if (requirePrivate) {
        if (std::optional<Error> refused = checkPrivatePermissions(path))
            return *refused;
    }
    if (file.size() > MAX_KEY_FILE_SIZE)
        return Error{u"%1 is %2 bytes long; a key file is at most %3 bytes"_s.arg(path).arg(file.size()).arg(
            MAX_KEY_FILE_SIZE)};
    QByteArray data = file.read(MAX_KEY_FILE_SIZE + 1);
    KeyFileContents contents = parseKeyFile(data, path, format);
    wipeBuffer(data);
    wipeStackBelowCaller();
    return contents;
}

#ifdef Q_OS_UNIX
namespace {

constexpr qint64 STALE_TEMPORARY_AGE_S = 60;   // older temporaries are a killed writer's leftovers

QString temporaryPrefix(const QFileInfo &target)
{
    return u"."_s + target.fileName() + u".tmp-"_s;
}

// A writer killed between creating its temporary file and renaming it leaves the file behind
// (0600, so private, but holding secrets): remove those of earlier writers. Young ones may belong
// to a writer that is still busy (the GUI and the CLI may save at the same time).
void removeStaleTemporaries(const QFileInfo &target)
{
    const QDir dir = target.absoluteDir();
    const QDateTime staleBefore = QDateTime::currentDateTimeUtc().addSecs(-STALE_TEMPORARY_AGE_S);
    const QFileInfoList found = dir.entryInfoList({temporaryPrefix(target) + u"??????"_s}, QDir::Files | QDir::Hidden);
    for (const QFileInfo &temporary : found) {
        if (temporary.lastModified().toUTC() < staleBefore)
            QFile::remove(temporary.filePath());
    }
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// POSIX: the temporary file is created by mkostemp, 0600 from its creation on, on every file
// system. (Qt 6.4's QSaveFile uses an unnamed O_TMPFILE where the file system has it, but falls
// back to a named temporary created 0666 less the umask and narrowed afterwards, which a reader
// could open in between and keep reading the secrets written later.) Written, flushed to disk,
// then renamed over the target, so the target is always the complete old or new file.
std::optional<Error> writePrivateFileAtomically(const QString &path, const QByteArray &data)
{
    QFileInfo target(path);
    if (target.isSymLink())
        target = QFileInfo(target.symLinkTarget());   // like QSaveFile: replace what the link points to
    removeStaleTemporaries(target);
    QByteArray temporary = QFile::encodeName(target.absolutePath() + u'/' + temporaryPrefix(target) + u"XXXXXX"_s);
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0)
        return Error{u"cannot write %1: %2"_s.arg(path, systemError(errno))};
    const auto fail = [&](int error) {
        ::close(fd);
        ::unlink(temporary.constData());
        return Error{u"cannot write %1: %2"_s.arg(path, systemError(error))};
    };
    // mkostemp asks for 0600; only a umask that removes owner bits could leave less.
    struct stat st{};
    if (::fstat(fd, &st) != 0)
        return fail(errno);
    if ((st.st_mode & 07777) != 0600 && ::fchmod(fd, 0600) != 0)
        return fail(errno);
    for (qsizetype done = 0; done < data.size();) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(n < 0 ? errno : EIO);
        done += n;
    }
    if (::fsync(fd) != 0)
        return fail(errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return Error{u"cannot write %1: %2"_s.arg(path, systemError(error))};
    }
    if (::rename(temporary.constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return Error{u"cannot write %1: %2"_s.arg(path, systemError(error))};
    }
    // The rename itself reaches the disk with the directory (best effort: a crash of the whole
    // machine, not of this process, is what it guards against).
    const int dirFd = ::open(QFile::encodeName(target.absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return std::nullopt;
}

} // namespace
#endif

std::optional<Error> writePrivateFile(const QString &path, const QByteArray &data)
{
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(u"."_s))
            return Error{u"cannot create the directory %1"_s.arg(dir.path())};
        QFile::setPermissions(dir.path(), OWNER_ONLY | QFileDevice::ExeOwner);
    }
#ifdef Q_OS_UNIX
    return writePrivateFileAtomically(path, data);
#else
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return Error{u"cannot write %1: %2"_s.arg(path, file.errorString())};
    // Before any byte is written: the temporary file (renamed over `path` on commit) is 0600.
    if (!file.setPermissions(OWNER_ONLY)) {
        file.cancelWriting();
        return Error{u"cannot make %1 private (mode 0600): %2"_s.arg(path, file.errorString())};
    }
    if (file.write(data) != data.size() || !file.commit())
        return Error{u"cannot write %1: %2"_s.arg(path, file.errorString())};
    return std::nullopt;
#endif
}

} // namespace chronoscope::auth
