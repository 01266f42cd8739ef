// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/keyfileio.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "core/auth/keyfileparser.h"

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
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"cannot read %1: %2"_s.arg(path, file.errorString())};
    if (requirePrivate) {
        if (std::optional<Error> refused = checkPrivatePermissions(path))
            return *refused;
    }
    if (file.size() > MAX_KEY_FILE_SIZE)
        return Error{u"%1 is %2 bytes long; a key file is at most %3 bytes"_s.arg(path).arg(file.size()).arg(
            MAX_KEY_FILE_SIZE)};
    const QByteArray data = file.read(MAX_KEY_FILE_SIZE + 1);
    KeyFileContents contents = parseKeyFile(data, path, format);
    return contents;
}

std::optional<Error> writePrivateFile(const QString &path, const QByteArray &data)
{
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(u"."_s))
            return Error{u"cannot create the directory %1"_s.arg(dir.path())};
        QFile::setPermissions(dir.path(), OWNER_ONLY | QFileDevice::ExeOwner);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{u"cannot write %1: %2"_s.arg(path, file.errorString())};
    // Before any byte is written: the temporary file (renamed over `path` on commit) is 0600.
    if (!file.setPermissions(OWNER_ONLY)) {
        file.cancelWriting();
        return Error{u"cannot make %1 private (mode 0600): %2"_s.arg(path, file.errorString())};
    }
    if (file.write(data) != data.size() || !file.commit())
        return Error{u"cannot write %1: %2"_s.arg(path, file.errorString())};
    return std::nullopt;
}

} // namespace chronoscope::auth
