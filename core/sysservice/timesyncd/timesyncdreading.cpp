// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/timesyncd/timesyncdreading.h"

#include "core/sysservice/chronydsourcestate.h"
#include "core/sysservice/timesyncd/timesyncdreader.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

SystemServiceReading readingFromTimesyncd(const TimesyncdSnapshot &s)
{
    SystemServiceReading r;
    r.daemon = u"systemd-timesyncd"_s;
    r.endpoint = QString::fromLatin1(TimesyncdReader::SERVICE);
    r.selectedAddress = s.hasMessage ? s.serverAddress : QString();
    r.frequencyPpm = s.frequencyPpm;
    if (s.hasMessage) {
        r.offset = s.offset;
        r.stratum = s.stratum + 1;
        r.leapWords = chronydLeapWords(s.leap);
    }
    if (!s.serverAddress.isEmpty()) {
        SystemServiceSource current;
        current.address = s.serverAddress;
        current.name = s.serverName;
        current.state = s.hasMessage ? u"selected"_s : u"not selectable"_s;
        current.stateSymbol = s.hasMessage ? u"*"_s : u"?"_s;
        current.stateWords = s.hasMessage ? u"selected (timesyncd uses one server at a time)"_s : u"no reply yet"_s;
        if (s.hasMessage) {
            current.offset = s.offset;
            current.stratum = s.stratum;
        }
        r.sources.append(current);
    }
    for (const QStringList *list : {&s.linkServers, &s.systemServers, &s.runtimeServers, &s.fallbackServers}) {
        for (const QString &server : *list) {
            if (server == s.serverName || server == s.serverAddress)
                continue;
            SystemServiceSource other;
            other.name = server;
            other.state = u"not combined"_s;
            other.stateWords = u"configured, not in use"_s;
            r.sources.append(other);
        }
    }
    return r;
}

SystemServiceReading readTimesyncdOnSystemBus()
{
    const Result<TimesyncdSnapshot> snapshot = TimesyncdReader::read(QDBusConnection::systemBus());
    if (snapshot)
        return readingFromTimesyncd(*snapshot);
    SystemServiceReading failed;
    failed.daemon = u"systemd-timesyncd"_s;
    failed.error = snapshot.errorMessage();
    return failed;
}

} // namespace chronoscope::sysservice
