// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

#include <QByteArray>
#include <QByteArrayView>

namespace chronoscope::auth {

// One secret's bytes in SecretArena memory (kept out of core dumps), shared by the copies of a
// SecretBytes and wiped when the last of them goes. bytes() is a QByteArray over that memory
// (QByteArray::fromRawData, no copy on the heap).
class SecretBlock
{
public:
    // Copies `bytes` into the process's SecretArena. A secret over SecretArena::MAX_SECRET_BYTES
    // is refused and the block stays empty; that, and a secret the arena had to put on the heap,
    // is reported once per process as a warning (without the content).
    explicit SecretBlock(QByteArrayView bytes);
    ~SecretBlock();
    SecretBlock(const SecretBlock &) = delete;
    SecretBlock &operator=(const SecretBlock &) = delete;

    const QByteArray &bytes() const { return m_view; }

private:
    void *m_data = nullptr;
    std::size_t m_size = 0;
    QByteArray m_view;
};

} // namespace chronoscope::auth
