// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/config/corruptcopy.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace chronoscope::config {
namespace {

bool sameContent(const QString &a, const QString &b)
{
    QFile first(a);
    QFile second(b);
    if (first.size() != second.size() || !first.open(QIODevice::ReadOnly) || !second.open(QIODevice::ReadOnly))
        return false;
    constexpr qint64 CHUNK = 64 * 1024;
    while (!first.atEnd()) {
        if (first.read(CHUNK) != second.read(CHUNK))
            return false;
    }
    return true;
}

// An earlier copy with the same bytes (the same damage seen again at the next start), or empty.
QString existingCopy(const QString &path)
{
    const QFileInfo info(path);
    const QStringList copies = info.dir().entryList({info.fileName() + u".corrupt-*"_s}, QDir::Files, QDir::Name);
    for (const QString &name : copies) {
        const QString candidate = info.dir().filePath(name);
        if (sameContent(path, candidate))
            return candidate;
    }
    return {};
}

} // namespace

Result<QString> keepCorruptCopy(const QString &path)
{
    QFile source(path);
    if (!source.open(QIODevice::ReadOnly))
        return Error{u"no copy of %1 could be made: %2"_s.arg(path, source.errorString())};
    source.close();
    if (const QString earlier = existingCopy(path); !earlier.isEmpty())
        return earlier;
    const QString base = path + u".corrupt-"_s + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QString backup = base;
    for (int n = 2; QFileInfo::exists(backup) || QFileInfo(backup).isSymLink(); ++n) {
        if (n > 99)
            return Error{u"no copy of %1 could be made: %2 and 98 numbered names are taken"_s.arg(path, base)};
        backup = base + u'-' + QString::number(n);
    }
    // QFile::copy writes through a private temporary file and gives it the source's permissions.
    if (!source.copy(backup))
        return Error{u"no copy of %1 could be made as %2: %3"_s.arg(path, backup, source.errorString())};
    if (!QFile::setPermissions(backup, source.permissions()))
        return Error{u"the copy %1 of %2 could not be given the original's permissions"_s.arg(backup, path)};
    return backup;
}

} // namespace chronoscope::config
