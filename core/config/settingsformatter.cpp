// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/config/settingsformatter.h"

#include "core/config/iniwriter.h"
#include "core/config/settingsparser.h"

using namespace Qt::StringLiterals;

namespace chronoscope::config {

QByteArray formatSettings(const QList<ConfiguredServer> &servers, const AppSettings &app)
{
    IniWriter ini;
    ini.setNumber(u"chronoscope/version"_s, qint64(SETTINGS_FORMAT_VERSION));
    for (int i = 0; i < servers.size(); ++i) {
        const ConfiguredServer &server = servers.at(i);
        const QString entry = u"servers/%1/"_s.arg(i + 1);
        ini.setText(entry + u"host"_s, server.spec.host);
        ini.setNumber(entry + u"port"_s, qint64(server.spec.port));
        ini.setBool(entry + u"pool"_s, server.spec.isPool);
        ini.setBool(entry + u"iburst"_s, server.spec.iburst);
        ini.setNumber(entry + u"minpoll"_s, qint64(server.spec.minPollLog2));
        ini.setNumber(entry + u"maxpoll"_s, qint64(server.spec.maxPollLog2));
        ini.setBool(entry + u"prefer"_s, server.spec.prefer);
        ini.setBool(entry + u"noselect"_s, server.spec.noselect);
        ini.setBool(entry + u"trust"_s, server.spec.trust);
        ini.setBool(entry + u"require"_s, server.spec.require);
        ini.setBool(entry + u"xleave"_s, server.spec.xleave);
        ini.setNumber(entry + u"key"_s, qint64(server.keyId));
        ini.setBool(entry + u"nts"_s, server.spec.nts);
        ini.setNumber(entry + u"ntsport"_s, qint64(server.spec.ntsPort));
    }
    ini.setNumber(u"servers/size"_s, qint64(servers.size()));
    ini.setBool(u"app/closeToTray"_s, app.closeToTray);
    ini.setBool(u"app/notifyOffset"_s, app.notifyOffset);
    ini.setNumber(u"app/offsetThreshold"_s, app.offsetThreshold);
    ini.setBool(u"app/notifyUnreachable"_s, app.notifyUnreachable);
    ini.setNumber(u"app/recordedEvents"_s, qint64(app.recordedEvents));
    ini.setBool(u"app/logFileEnabled"_s, app.logFileEnabled);
    ini.setText(u"app/logFilePath"_s, app.logFilePath);
    ini.setNumber(u"app/logFileMaxBytes"_s, app.logFileMaxBytes);
    ini.setNumber(u"app/logFileKeep"_s, qint64(app.logFileKeep));
    ini.setNumber(u"app/eventLogCapacity"_s, qint64(app.eventLogCapacity));
    ini.setNumber(u"app/chartRangeSeconds"_s, qint64(app.chartRangeSeconds));
    ini.setNumber(u"app/theme"_s, qint64(app.theme));
    ini.setBool(u"app/metricsEnabled"_s, app.metricsEnabled);
    ini.setText(u"app/metricsAddress"_s, app.metricsAddress);
    ini.setBytes(u"app/windowGeometry"_s, app.windowGeometry);
    ini.setBytes(u"app/windowState"_s, app.windowState);
    return ini.toIni();
}

} // namespace chronoscope::config
