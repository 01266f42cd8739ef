// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/secretbytes.h"

#include <QDebug>

#include <openssl/crypto.h>

#include "core/auth/secretblock.h"

namespace chronoscope::auth {

SecretBytes::SecretBytes(QByteArray bytes)
{
    if (!bytes.isEmpty())
        m_block = std::make_shared<const SecretBlock>(QByteArrayView(bytes));
    wipeBuffer(bytes);
}

qsizetype SecretBytes::size() const
{
    return m_block ? m_block->bytes().size() : 0;
}

const QByteArray &SecretBytes::reveal() const
{
    static const QByteArray empty;
    return m_block ? m_block->bytes() : empty;
}

void wipeBuffer(QByteArray &bytes)
{
    // data() of a shared buffer would detach and wipe a fresh copy: clear only our own.
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

void wipeBuffer(QString &text)
{
    if (!text.isEmpty() && text.isDetached())
        OPENSSL_cleanse(text.data(), size_t(text.size()) * sizeof(QChar));
    text.clear();
}

bool operator==(const SecretBytes &a, const SecretBytes &b)
{
    const QByteArray &left = a.reveal();
    const QByteArray &right = b.reveal();
    if (left.size() != right.size())
        return false;
    return left.isEmpty() || CRYPTO_memcmp(left.constData(), right.constData(), size_t(left.size())) == 0;
}

QDebug operator<<(QDebug debug, const SecretBytes &secret)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "SecretBytes(" << secret.size() << " bytes)";
    return debug;
}

} // namespace chronoscope::auth
