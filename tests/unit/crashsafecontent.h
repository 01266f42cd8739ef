// SPDX-License-Identifier: GPL-3.0-or-later
// What generation N of each file looks like, shared by crashsafe_writer (which writes N, N+1, …
// through the app's real writers until it is killed) and tst_crashsafewrites (which parses the
// file left on disk with the app's real readers and must find exactly one whole generation).
// The sizes change with N, so that a file mixing two generations or cut short cannot pass.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "core/auth/symmetrickey.h"
#include "core/config/appsettings.h"
#include "core/config/configuredserver.h"

namespace chronoscope::crashsafe {

// The file kinds: the settings file (SettingsStore), a chrony.conf export (exportServerList),
// the key store (KeyStore::save, 0600) and the event-log file (EventLogFile, appends + rotation).
inline const QStringList FILE_KINDS{QStringLiteral("settings"), QStringLiteral("serverlist"),
                                    QStringLiteral("keystore"), QStringLiteral("eventlog")};

// Event-log files: small, so that the writer rotates every few dozen lines.
constexpr qint64 EVENTLOG_MAX_BYTES = 4096;
constexpr int EVENTLOG_KEEP = 3;

// 20 to 200 servers, every field derived from the generation.
inline QList<config::ConfiguredServer> serversOf(int generation)
{
    QList<config::ConfiguredServer> servers;
    const int count = 20 + (generation % 7) * 30;
    for (int i = 0; i < count; ++i) {
        config::ConfiguredServer server;
        server.spec.host = QStringLiteral("g%1-s%2.example.org").arg(generation).arg(i);
        server.spec.port = quint16(1000 + (generation + i) % 5000);
        server.spec.iburst = (generation + i) % 2 == 0;
        server.spec.prefer = i == 0;
        server.spec.minPollLog2 = 4;
        server.spec.maxPollLog2 = 4 + (generation + i) % 6;
        servers.append(server);
    }
    return servers;
}

inline config::AppSettings appSettingsOf(int generation)
{
    config::AppSettings app;
    app.logFileMaxBytes = 100000 + generation;
    app.eventLogCapacity = 1000 + generation % 5000;
    app.logFilePath = QStringLiteral("/var/tmp/generation-%1.log").arg(generation);
    app.windowGeometry = QByteArray(64 + generation % 512, char('a' + generation % 26));
    return app;
}

// 1 to 20 keys with secrets derived from the generation (SHA1: 20 bytes, AES128: 16 bytes).
inline QList<auth::SymmetricKey> keysOf(int generation)
{
    QList<auth::SymmetricKey> keys;
    const int count = 1 + generation % 20;
    for (int i = 0; i < count; ++i) {
        auth::SymmetricKey key;
        key.id = std::uint32_t(i + 1);
        key.type = i % 2 == 0 ? auth::KeyType::Sha1 : auth::KeyType::Aes128Cmac;
        QByteArray secret(key.type == auth::KeyType::Sha1 ? 20 : 16, '\0');
        for (qsizetype b = 0; b < secret.size(); ++b)
            secret[b] = char((generation * 31 + i * 7 + b * 13) & 0xff);
        key.secret = auth::SecretBytes(secret);
        key.label = QStringLiteral("generation %1 key %2").arg(generation).arg(i);
        keys.append(key);
    }
    return keys;
}

// Event line N: its number, a padding of varying length and the number again at the end, so a
// line cut anywhere is recognisable.
inline QString eventLineOf(int number)
{
    return QStringLiteral("event %1 %2 end %1").arg(number).arg(QString(10 + number % 90, QLatin1Char('x')));
}

} // namespace chronoscope::crashsafe
