// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/config/ntstrustfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace chronoscope::config {

NtsTrustFile::NtsTrustFile(QString path) : m_path(std::move(path)) { }

QString NtsTrustFile::defaultPath()
{
    const QString fromEnv = qEnvironmentVariable("CHRONOSCOPE_NTS_CA_LIST");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/chronoscope/nts-ca"_s;
}

Result<QStringList> NtsTrustFile::load() const
{
    QFile file(m_path);
    if (!file.exists())
        return QStringList{};
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{u"cannot read %1: %2"_s.arg(m_path, file.errorString())};
    const QByteArray content = file.read(MAX_FILE_SIZE + 1);
    if (content.size() > MAX_FILE_SIZE)
        return Error{u"%1 is longer than %2 bytes"_s.arg(m_path).arg(MAX_FILE_SIZE)};
    QStringList paths;
    const QList<QByteArray> lines = content.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (paths.size() == MAX_PATHS)
            return Error{u"%1:%2: more than %3 CA entries"_s.arg(m_path).arg(i + 1).arg(MAX_PATHS)};
        if (line.size() > MAX_PATH_LENGTH || QDir::isRelativePath(line))
            return Error{u"%1:%2: '%3' is not an absolute path of at most %4 characters"_s.arg(m_path).arg(i + 1).arg(
                line.left(80)).arg(MAX_PATH_LENGTH)};
        paths << line;
    }
    return paths;
}

std::optional<Error> NtsTrustFile::save(const QStringList &paths) const
{
    if (paths.size() > MAX_PATHS)
        return Error{u"at most %1 CA entries (got %2)"_s.arg(MAX_PATHS).arg(paths.size())};
    QByteArray content = "# Extra certificate authorities for NTS servers (Chronoscope); one file or directory per line\n";
    for (const QString &path : paths) {
        if (path.isEmpty() || path.size() > MAX_PATH_LENGTH || QDir::isRelativePath(path) || path.contains(u'\n'))
            return Error{u"'%1' is not an absolute path of at most %2 characters"_s.arg(path.left(80)).arg(MAX_PATH_LENGTH)};
        content += path.toUtf8() + '\n';
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(content) != content.size() || !file.commit())
        return Error{u"cannot write %1: %2"_s.arg(m_path, file.errorString())};
    return std::nullopt;
}

QString NtsTrustFile::problemWith(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return u"'%1' does not exist"_s.arg(path);
    if (!info.isReadable())
        return u"'%1' is not readable"_s.arg(path);
    return {};
}

} // namespace chronoscope::config
