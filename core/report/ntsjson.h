// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include "core/engine/ntsstatus.h"

namespace chronoscope::report {

// The `nts` object of a server in `check --json` and the monitor's system events
// (ARCHITECTURE.md §3.4): key exchange, negotiated NTP server, AEAD, cookies, certificate, the
// last failure. Never key material.
QJsonObject ntsStatusToJson(const engine::NtsStatus &nts);
// "AEAD_AES_SIV_CMAC_256" for 15; "aead-N" for others.
QString aeadName(int aead);

} // namespace chronoscope::report
