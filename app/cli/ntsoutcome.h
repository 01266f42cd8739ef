// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

#include "core/engine/serverstatus.h"

namespace chronoscope::cli {

// Exit status 3 of check and monitor (ARCHITECTURE.md §3.3): no system offset, and at least one
// NTS server's certificate was refused (not trusted, expired, other name).
constexpr int EXIT_NTS_CERTIFICATE = 3;

// One line per NTS server whose key exchange refused the certificate, with what to do about
// it, e.g. "localhost:4461: the server's certificate is not trusted (...); if you run your own
// CA, pass its certificate with --nts-ca FILE".
QStringList ntsCertificateRefusals(const QList<engine::ServerStatus> &servers);

// 0 when synchronised; otherwise EXIT_NTS_CERTIFICATE when a certificate was refused, else 1.
int offsetExitStatus(bool synchronized, const QList<engine::ServerStatus> &servers);

} // namespace chronoscope::cli
