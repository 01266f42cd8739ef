// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

class QDebug;

namespace chronoscope::auth {

class SecretBlock;

// Key material. It deliberately has no conversion to text: the bytes leave only through
// reveal(), so every place that shows or writes a secret is explicit and easy to audit. Logging
// one (qDebug() << secret) prints only its length. The bytes live in SecretArena memory, which
// core dumps leave out (issue 13); copies share them, and the last copy wipes them when it goes.
class SecretBytes
{
public:
    SecretBytes() = default;
    // Copies `bytes` into secure memory and wipes `bytes` when it was the last holder of that
    // buffer (pass it with std::move; a caller that keeps a copy must wipe that itself).
    explicit SecretBytes(QByteArray bytes);

    bool isEmpty() const { return size() == 0; }
    qsizetype size() const;
    // The raw bytes, for MAC computation and for writing key files. The array points into the
    // secure memory (QByteArray::fromRawData): use it while this SecretBytes lives. Anything that
    // changes a copy of it, or keeps one longer, must make its own copy (QByteArray(data, size))
    // and wipe that with wipeBuffer().
    const QByteArray &reveal() const;

    // Constant-time comparison (CRYPTO_memcmp) after a length check.
    friend bool operator==(const SecretBytes &a, const SecretBytes &b);

private:
    std::shared_ptr<const SecretBlock> m_block;   // null when empty
};

// Prints "SecretBytes(20 bytes)", never the content.
QDebug operator<<(QDebug debug, const SecretBytes &secret);

// Overwrites a buffer that held key material (a key file's text, a line with a secret) and
// empties it. Only the last holder of a shared buffer can clear it; the others merely let go.
void wipeBuffer(QByteArray &bytes);
void wipeBuffer(QString &text);

// Append key material to text being built (a key-file line, a secret shown on request) without
// another copy of it: as hex digits, or as the bytes read as Latin-1. If `text` must grow, its
// content moves to a new buffer and the old one is wiped (a plain append could leave it behind).
void appendHex(QString &text, QByteArrayView bytes, bool upperCase);
void appendLatin1(QString &text, QByteArrayView bytes);

// Overwrites the 64 KiB of stack below the caller, where the functions it called left their
// locals: Qt and the C library copy text through stack buffers, so after reading or writing a
// key file pieces of it remain in dead stack frames (tst_secretmemory found a key's hex there).
void wipeStackBelowCaller();

} // namespace chronoscope::auth
