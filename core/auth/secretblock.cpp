// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/secretblock.h"

#include <atomic>
#include <cstring>

#include <QLoggingCategory>

#include "core/auth/secretarena.h"

namespace chronoscope::auth {
namespace {

Q_LOGGING_CATEGORY(lcSecrets, "chronoscope.core.secrets", QtWarningMsg)

std::atomic_bool g_warnedAboutFallback{false};

void warnOnce(const char *what)
{
    if (g_warnedAboutFallback.exchange(true))
        return;
    const SecretArena::Stats stats = SecretArena::instance().stats();
    qCWarning(lcSecrets) << what << "(secure memory:" << stats.chunks << "of" << SecretArena::DEFAULT_MAX_CHUNKS
                         << "chunks of" << SecretArena::CHUNK_BYTES / 1024 << "KiB; heap fallbacks so far:"
                         << stats.heapFallbacks << "; refused:" << stats.refused << ")";
}

} // namespace

SecretBlock::SecretBlock(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    const SecretArena::Block block = SecretArena::instance().allocate(std::size_t(bytes.size()));
    if (block.data == nullptr) {
        warnOnce("a key was refused: it is too long for the secure memory");
        return;
    }
    if (!block.secure)
        warnOnce("a key is kept in ordinary memory, which a core dump would include");
    m_data = block.data;
    m_size = std::size_t(bytes.size());
    std::memcpy(m_data, bytes.data(), m_size);
    m_view = QByteArray::fromRawData(static_cast<const char *>(m_data), bytes.size());
}

SecretBlock::~SecretBlock()
{
    m_view = QByteArray();
    SecretArena::instance().release(m_data, m_size);
}

} // namespace chronoscope::auth
