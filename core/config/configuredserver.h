// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QMetaType>
#include <QString>

#include "core/engine/serverspec.h"

namespace chronoscope::config {

// One entry of the user's server list: what the engine needs (spec) plus the symmetric key to
// use. The list owns keyId (the dialog, the settings file and chrony.conf/ntp.conf round-trip
// it); ServerListController copies it into ServerSpec::keyId when it starts the server.
struct ConfiguredServer
{
    engine::ServerSpec spec;
    quint32 keyId = 0;            // 0: no authentication

    friend bool operator==(const ConfiguredServer &, const ConfiguredServer &) = default;
};

constexpr int MIN_POLL_LOG2 = -4;   // 1/16 s: the engine's floor for local servers
constexpr int MAX_POLL_LOG2 = 17;   // 36 h: RFC 5905 MAXPOLL
constexpr quint32 MAX_KEY_ID = 65535; // ntpd/chrony key numbers used in practice

// Why the entry cannot be used, naming the offending value (empty optional: it is valid).
std::optional<QString> validateServer(const ConfiguredServer &server);
// Index of an entry in `list` with the same host (case-insensitive) and port, skipping
// `ignoreIndex` (the entry being edited); -1 when there is none.
int findDuplicate(const QList<ConfiguredServer> &list, const ConfiguredServer &server, int ignoreIndex = -1);
// The public NTP pool, 0–3.pool.ntp.org: the list of a fresh install (never contacted by tests).
QList<ConfiguredServer> defaultServers();

} // namespace chronoscope::config

Q_DECLARE_METATYPE(chronoscope::config::ConfiguredServer)
