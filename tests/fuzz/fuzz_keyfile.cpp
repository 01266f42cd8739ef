// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the key-file parser (core/auth/keyfileparser) in both dialects. The first
// byte picks how the rest is read: 0 detect (file "keys"), 1 chrony, 2 ntpd/ntpsec, 3 detect
// (file "chrony.keys"). Properties, besides "no crash, no sanitizer report":
//   - every key returned is valid (validateKey), ids are unique across keys and keyring
//     references, and their number stays within MAX_KEY_FILE_KEYS;
//   - every reported line number lies in the file; at most 100 errors plus one summary;
//   - the keys written back (writeKeyFile with metadata) parse again to the same keys, labels
//     and servers, without errors.
#include <cstddef>
#include <cstdint>

#include <QSet>

#include "core/auth/keyfileparser.h"
#include "core/auth/keyfilewriter.h"
#include "tests/fuzz/fuzzcheck.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::auth;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView text(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    std::optional<KeyFileFormat> format;
    if ((data[0] & 3) == 1)
        format = KeyFileFormat::Chrony;
    else if ((data[0] & 3) == 2)
        format = KeyFileFormat::Ntp;
    const QString name = (data[0] & 3) == 3 ? u"chrony.keys"_s : u"keys"_s;

    const KeyFileContents contents = parseKeyFile(text, name, format);
    const qsizetype lines = text.count('\n') + 1;
    fuzzCheck(contents.errors.size() <= 101);
    for (const KeyFileIssue &issue : contents.errors + contents.warnings)
        fuzzCheck(issue.line >= 0 && issue.line <= lines && !issue.message.isEmpty());
    fuzzCheck(contents.keys.size() + contents.keyringKeys.size() <= MAX_KEY_FILE_KEYS);
    QSet<std::uint32_t> ids;
    for (const SymmetricKey &key : contents.keys) {
        fuzzCheck(!validateKey(key).has_value());
        fuzzCheck(!ids.contains(key.id));
        ids.insert(key.id);
    }
    for (const KeyringReference &ref : contents.keyringKeys) {
        fuzzCheck(!ids.contains(ref.id));
        ids.insert(ref.id);
    }

    const chronoscope::Result<QByteArray> written = writeKeyFile(contents.keys, contents.format, true);
    if (!written) {
        fuzzCheck(contents.format == KeyFileFormat::Ntp); // chrony's HEX: form holds any key
        return 0;
    }
    const KeyFileContents again = parseKeyFile(*written, name, contents.format);
    fuzzCheck(!again.hasErrors());
    fuzzCheck(again.keys.size() == contents.keys.size());
    for (const SymmetricKey &key : contents.keys) {
        const SymmetricKey *copy = again.find(key.id);
        fuzzCheck(copy && copy->type == key.type && copy->secret == key.secret);
        fuzzCheck(copy->label == key.label && copy->servers == key.servers);
    }
    return 0;
}
