// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>
#include <QStringList>

#include "core/result.h"

namespace chronoscope::config {

// The GUI's extra certificate authorities for NTS servers (issue 14): one CA file or directory
// per line in ~/.config/chronoscope/nts-ca (XDG), next to the key store. The system's CA store
// is always trusted as well; this list adds private CAs, as `--nts-ca` does in the CLI.
// Bounded: at most MAX_PATHS lines of at most MAX_PATH_LENGTH characters; written atomically.
class NtsTrustFile
{
public:
    static constexpr int MAX_PATHS = 16;
    static constexpr int MAX_PATH_LENGTH = 4096;
    static constexpr qint64 MAX_FILE_SIZE = MAX_PATHS * (MAX_PATH_LENGTH + 1);

    explicit NtsTrustFile(QString path = defaultPath());
    // $CHRONOSCOPE_NTS_CA_LIST, else $XDG_CONFIG_HOME/chronoscope/nts-ca.
    static QString defaultPath();
    QString path() const { return m_path; }

    // The list; empty when the file does not exist. Errors name the file and line.
    Result<QStringList> load() const;
    // Replaces the list (QSaveFile); refuses entries that are empty, relative, too long or too
    // many, naming the offending one.
    std::optional<Error> save(const QStringList &paths) const;
    // Why `path` cannot be used as a CA (does not exist, unreadable); empty when it can.
    static QString problemWith(const QString &path);

private:
    QString m_path;
};

} // namespace chronoscope::config
