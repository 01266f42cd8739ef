// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/interop/chronydlab.h"

#include <QHostAddress>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace chronoscope::testing {

QString startLabServers(const QStringList &addresses, const QString &falseAddress, ChronydServers *servers)
{
    for (const QString &address : addresses) {
        auto server = std::make_unique<ChronydInstance>(QHostAddress(address));
        if (address == falseAddress)
            server->setFakeTime(u"+2.5s"_s);
        if (!server->start())
            return server->errorString();
        servers->push_back(std::move(server));
    }
    return {};
}

QString startLabClient(ChronydInstance *client, const ChronydServers &servers, const QString &extraConfig)
{
    client->setClientMode(true);
    client->setExtraConfig(extraConfig + labServerLines(servers));
    return client->start() ? QString() : client->errorString();
}

QString labServerLines(const ChronydServers &servers)
{
    QString lines;
    for (const auto &server : servers)
        lines += u"server %1 port %2 minpoll -4 maxpoll -4 iburst\n"_s.arg(server->address().toString()).arg(server->port());
    return lines;
}

QList<QStringList> chronycCsv(const QString &socket, const QString &command, QString *output)
{
    QProcess process;
    process.start(ChronydInstance::findChronyc(), {u"-h"_s, socket, u"-n"_s, u"-c"_s, command});
    process.waitForFinished(5000);
    *output = QString::fromLocal8Bit(process.readAllStandardOutput() + process.readAllStandardError());
    QList<QStringList> lines;
    for (const QString &line : output->split(u'\n', Qt::SkipEmptyParts))
        lines.append(line.split(u','));
    return lines;
}

QMap<QString, QString> chronycSourceStates(const QString &socket, QString *output)
{
    QMap<QString, QString> states;
    for (const QStringList &fields : chronycCsv(socket, u"sources"_s, output))
        if (fields.size() > 3)
            states.insert(fields[2], fields[1]);   // CSV: mode,state,address,...
    return states;
}

bool chronycDecidedEverySource(const QString &socket, int count, QString *output)
{
    const QList<QStringList> lines = chronycCsv(socket, u"sources"_s, output);
    if (lines.size() != count)
        return false;
    for (const QStringList &fields : lines)
        if (fields.size() < 3 || fields[1] == u"?"_s)   // CSV: mode,state,address,...
            return false;
    return true;
}

} // namespace chronoscope::testing
