// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/symmetrickey.h"

using namespace Qt::StringLiterals;

namespace chronoscope::auth {

std::optional<Error> validateKey(const SymmetricKey &key)
{
    if (key.id < MIN_KEY_ID || key.id > MAX_KEY_ID)
        return Error{u"key id %1 is out of range (%2-%3)"_s.arg(key.id).arg(MIN_KEY_ID).arg(MAX_KEY_ID)};
    if (key.secret.isEmpty())
        return Error{u"key %1: the secret is empty"_s.arg(key.id)};
    if (const std::optional<int> required = requiredKeyLength(key.type); required && key.secret.size() != *required)
        return Error{u"key %1: %2 needs a %3-byte key, got %4 bytes"_s.arg(key.id)
                         .arg(chronyTypeName(key.type))
                         .arg(*required)
                         .arg(key.secret.size())};
    if (key.secret.size() > MAX_SECRET_LENGTH)
        return Error{u"key %1: the secret is %2 bytes long (limit %3)"_s.arg(key.id).arg(key.secret.size()).arg(
            MAX_SECRET_LENGTH)};
    return std::nullopt;
}

QString secretAsChronyHex(const SymmetricKey &key)
{
    // Written in place: toHex() and fromLatin1() would leave unwiped copies of the key.
    QString text;
    appendLatin1(text, "HEX:");
    appendHex(text, key.secret.reveal(), true);
    return text;
}

} // namespace chronoscope::auth
