// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/secretbytes.h"

#include <QDebug>

#include <openssl/crypto.h>

namespace chronoscope::auth {

SecretBytes &SecretBytes::operator=(const SecretBytes &other)
{
    if (this != &other) {
        wipe();
        m_bytes = other.m_bytes;
    }
    return *this;
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    wipe();
}

void SecretBytes::wipe()
{
    wipeBuffer(m_bytes);
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
    if (a.m_bytes.size() != b.m_bytes.size())
        return false;
    return CRYPTO_memcmp(a.m_bytes.constData(), b.m_bytes.constData(), size_t(a.m_bytes.size())) == 0;
}

QDebug operator<<(QDebug debug, const SecretBytes &secret)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "SecretBytes(" << secret.size() << " bytes)";
    return debug;
}

} // namespace chronoscope::auth
