// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

class QDebug;

namespace chronoscope::auth {

// Key material. It deliberately has no conversion to text: the bytes leave only through
// reveal(), so every place that shows or writes a secret is explicit and easy to audit. Logging
// one (qDebug() << secret) prints only its length. The last copy wipes its memory when it goes.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArray bytes) : m_bytes(std::move(bytes)) { }
    SecretBytes(const SecretBytes &) = default;
    SecretBytes(SecretBytes &&) noexcept = default;
    SecretBytes &operator=(const SecretBytes &other);
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    ~SecretBytes();

    bool isEmpty() const { return m_bytes.isEmpty(); }
    qsizetype size() const { return m_bytes.size(); }
    // The raw bytes, for MAC computation and for writing key files.
    const QByteArray &reveal() const { return m_bytes; }

    // Constant-time comparison (CRYPTO_memcmp) after a length check.
    friend bool operator==(const SecretBytes &a, const SecretBytes &b);

private:
    void wipe();

    QByteArray m_bytes;
};

// Prints "SecretBytes(20 bytes)", never the content.
QDebug operator<<(QDebug debug, const SecretBytes &secret);

// Overwrites a buffer that held key material (a key file's text, a line with a secret) and
// empties it. Only the last holder of a shared buffer can clear it; the others merely let go.
void wipeBuffer(QByteArray &bytes);
void wipeBuffer(QString &text);

} // namespace chronoscope::auth
