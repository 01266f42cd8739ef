// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

#include "core/auth/keyfilecontents.h"
#include "core/auth/keyfileformat.h"
#include "core/result.h"

namespace chronoscope::auth {

// Unix: an error when group or others may read or write `path` (any of 077), naming the mode
// and the fix ("chmod 600 FILE"). Key files hold secrets: we refuse to use one that others
// can read rather than quietly carry on. Elsewhere: no check (no POSIX modes).
std::optional<Error> checkPrivatePermissions(const QString &path);

// The file's permission bits as octal text, e.g. "0644" (Unix), for messages.
QString permissionText(const QString &path);

// Reads `path` and parses it (parseKeyFile). With `requirePrivate`, a file others can read is
// refused first (checkPrivatePermissions). Read errors name the file; line errors stay in the
// returned contents for the caller to judge.
Result<KeyFileContents> readKeyFile(const QString &path, std::optional<KeyFileFormat> format, bool requirePrivate);

// Writes `data` to `path` atomically (a temporary file in the same directory, then rename) with
// mode 0600 from the temporary file's creation on, so that neither a crash nor a reader ever
// sees a half-written or briefly readable key file. Unix: the temporary file is created by
// mkostemp (0600), flushed to disk before the rename, and a killed writer's leftover temporaries
// (".NAME.tmp-XXXXXX", older than a minute) are removed; elsewhere QSaveFile. Creates a missing
// parent directory with mode 0700. A symbolic link is followed (its target is replaced).
std::optional<Error> writePrivateFile(const QString &path, const QByteArray &data);

} // namespace chronoscope::auth
