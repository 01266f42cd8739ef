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
    // Only the last holder of the shared buffer may clear it; the others merely let go.
    if (!m_bytes.isEmpty() && m_bytes.isDetached())
        OPENSSL_cleanse(m_bytes.data(), size_t(m_bytes.size()));
    m_bytes.clear();
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
