// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "core/auth/keyfileformat.h"
#include "core/auth/symmetrickey.h"
#include "core/result.h"

namespace chronoscope::auth {

// One key as a key-file line, without a newline:
//  chrony: "10 SHA1 HEX:933F…" (always hex, which holds any byte);
//  ntp:    "10 SHA1 933f…" — hex when the secret is longer than 10 bytes (more than 20 hex
//          characters, which ntpd/ntpsec read as hex); a shorter secret only as printable ASCII
//          without '#' and spaces, else an error (ntpd would read 20 or fewer characters as
//          ASCII). Secrets over 32 bytes fail too (ntpsec's limit).
// The line contains the secret: show or copy it only on the user's explicit request.
Result<QString> keyFileLine(const SymmetricKey &key, KeyFileFormat format);

// A whole key file in `format`, keys sorted by id, with a header comment. With `metadata`,
// "#@key" comment lines keep each key's label and servers (our own store; other programs read
// them as comments). Fails naming the first key the format cannot hold.
Result<QByteArray> writeKeyFile(const QList<SymmetricKey> &keys, KeyFileFormat format, bool metadata = false);

// "#@key ID label=… servers=…" for a key with a label or servers, else empty.
QString metadataLine(const SymmetricKey &key);

} // namespace chronoscope::auth
