// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QByteArray>

namespace chronoscope::nts {

// The TLS exporter label of RFC 8915 §5.1 (30 ASCII characters, no terminating NUL).
inline constexpr char NTS_EXPORTER_LABEL[] = "EXPORTER-network-time-security";
constexpr qsizetype NTS_EXPORTER_LABEL_LENGTH = sizeof NTS_EXPORTER_LABEL - 1;

enum class KeyDirection : std::uint8_t {
    ClientToServer = 0,   // C2S: authenticates our requests
    ServerToClient = 1,   // S2C: verifies the server's replies
};

// The 5-byte exporter context of RFC 8915 §5.1: Next Protocol id (16 bits, big-endian) ‖ AEAD id
// (16 bits, big-endian) ‖ 0x00 for C2S or 0x01 for S2C.
QByteArray keyExportContext(std::uint16_t nextProtocol, std::uint16_t aead, KeyDirection direction);

} // namespace chronoscope::nts
