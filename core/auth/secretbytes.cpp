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

namespace {

// Room for `more` characters; a buffer that has to grow is replaced by a bigger one and wiped.
void reserveWiping(QString &text, qsizetype more)
{
    if (text.isDetached() && text.capacity() - text.size() >= more)
        return;
    QString bigger;
    bigger.reserve(text.size() + more);
    bigger.append(text.constData(), text.size());
    wipeBuffer(text);
    text = std::move(bigger);
}

} // namespace

void appendHex(QString &text, QByteArrayView bytes, bool upperCase)
{
    const char *digits = upperCase ? "0123456789ABCDEF" : "0123456789abcdef";
    reserveWiping(text, 2 * bytes.size());
    for (const char c : bytes) {
        const auto byte = uchar(c);
        text.append(QLatin1Char(digits[byte >> 4]));
        text.append(QLatin1Char(digits[byte & 0x0F]));
    }
}

void appendLatin1(QString &text, QByteArrayView bytes)
{
    reserveWiping(text, bytes.size());
    for (const char c : bytes)
        text.append(QLatin1Char(c));
}

Q_NEVER_INLINE void wipeStackBelowCaller()
{
    char scratch[64 * 1024];
    OPENSSL_cleanse(scratch, sizeof scratch);
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
