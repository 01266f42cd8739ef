// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/keyresolver.h"

#include <QSet>

#include "core/auth/keyfileio.h"
#include "core/auth/keystore.h"

using namespace Qt::StringLiterals;

namespace chronoscope::cli {

Result<QList<auth::SymmetricKey>> resolveServerKeys(const CliOptions &options, QStringList *warnings)
{
    QList<quint32> wanted;
    for (const engine::ServerSpec &spec : options.servers) {
        if (spec.keyId != 0 && !wanted.contains(spec.keyId))
            wanted.append(spec.keyId);
    }
    QList<auth::SymmetricKey> keys;
    if (wanted.isEmpty())
        return keys;

    if (!options.keyFile.isEmpty()) {
        const Result<auth::KeyFileContents> contents = auth::readKeyFile(options.keyFile, std::nullopt, true);
        if (!contents)
            return contents.error();
        if (contents->hasErrors())
            *warnings << contents->describeErrors().split(u'\n');
        for (quint32 id : std::as_const(wanted)) {
            const auth::SymmetricKey *key = contents->find(id);
            if (!key)
                return Error{u"key %1 is not in %2 (valid keys there: %3)"_s.arg(id).arg(options.keyFile,
                                                                                   contents->keyIdList())};
            keys.append(*key);
        }
        return keys;
    }

    auth::KeyStore store;
    if (std::optional<Error> failed = store.load())
        return *failed;
    for (quint32 id : std::as_const(wanted)) {
        const auth::SymmetricKey *key = store.find(id);
        if (!key)
            return Error{u"key %1 is not in the key store %2 (add it with 'chronoscope-cli keys import FILE' or "
                         u"give --keys FILE)"_s.arg(id).arg(store.path())};
        keys.append(*key);
    }
    return keys;
}

} // namespace chronoscope::cli
