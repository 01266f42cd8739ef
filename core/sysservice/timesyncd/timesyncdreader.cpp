// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/timesyncd/timesyncdreader.h"

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDBusVariant>
#include <QHostAddress>
#include <QJsonArray>
#include <QtEndian>

#include "core/sysservice/chronydsourcestate.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {
namespace {

constexpr double MICROSECONDS = 1e-6;
constexpr int MAX_SERVERS = 64;

QStringList stringList(const QVariant &value)
{
    QStringList list = value.toStringList();
    if (list.size() > MAX_SERVERS)
        list = list.mid(0, MAX_SERVERS);
    return list;
}

// ServerAddress: (iay) = address family (AF_INET 2, AF_INET6 10) and the address bytes.
QString addressText(const QVariant &value)
{
    if (!value.canConvert<QDBusArgument>())
        return {};
    const QDBusArgument argument = value.value<QDBusArgument>();
    if (argument.currentSignature() != u"(iay)"_s)
        return {};
    int family = 0;
    QByteArray bytes;
    argument.beginStructure();
    argument >> family >> bytes;
    argument.endStructure();
    if (family == 2 && bytes.size() == 4)
        return QHostAddress(qFromBigEndian<quint32>(bytes.constData())).toString();
    if (family == 10 && bytes.size() == 16)
        return QHostAddress(reinterpret_cast<const quint8 *>(bytes.constData())).toString();
    return {};
}

QString referenceIdText(const QByteArray &bytes, int stratum)
{
    if (bytes.size() != 4)
        return {};
    if (stratum <= 1) {
        QString text;
        for (const char c : bytes)
            if (c >= 0x20 && c < 0x7f)
                text += QChar::fromLatin1(c);
        return text;
    }
    return QHostAddress(qFromBigEndian<quint32>(bytes.constData())).toString();
}

// NTPMessage: (uuuuittayttttbtt) = leap, version, mode, stratum, precision, root delay (µs),
// root dispersion (µs), reference id, origin, receive, transmit, destination time (µs since the
// epoch), spike, packet count, jitter (µs). Offset and delay as timedatectl computes them.
bool applyMessage(const QVariant &value, TimesyncdSnapshot &s)
{
    if (!value.canConvert<QDBusArgument>())
        return false;
    const QDBusArgument argument = value.value<QDBusArgument>();
    if (argument.currentSignature() != u"(uuuuittayttttbtt)"_s)
        return false;
    uint leap = 0, version = 0, mode = 0, stratum = 0;
    int precision = 0;
    qulonglong rootDelay = 0, rootDispersion = 0, origin = 0, receive = 0, transmit = 0, destination = 0;
    QByteArray referenceId;
    bool spike = false;
    qulonglong packets = 0, jitter = 0;
    argument.beginStructure();
    argument >> leap >> version >> mode >> stratum >> precision >> rootDelay >> rootDispersion >> referenceId >> origin
        >> receive >> transmit >> destination >> spike >> packets >> jitter;
    argument.endStructure();
    if (origin == 0 && transmit == 0)
        return false;   // no reply yet
    s.hasMessage = true;
    s.leap = int(leap & 3);
    s.version = int(qMin(version, 7u));
    s.stratum = int(qMin(stratum, 16u));
    s.precisionLog2 = qBound(-64, precision, 64);
    s.rootDelay = double(rootDelay) * MICROSECONDS;
    s.rootDispersion = double(rootDispersion) * MICROSECONDS;
    s.referenceId = referenceIdText(referenceId, s.stratum);
    // ((T2 − T1) + (T3 − T4)) / 2, positive when the server is ahead of this clock.
    s.offset = ((double(receive) - double(origin)) + (double(transmit) - double(destination))) / 2.0 * MICROSECONDS;
    s.delay = ((double(destination) - double(origin)) - (double(transmit) - double(receive))) * MICROSECONDS;
    s.jitter = double(jitter) * MICROSECONDS;
    s.spike = spike;
    s.packetCount = packets;
    return true;
}

double seconds(const QVariant &microseconds)
{
    return double(microseconds.toULongLong()) * MICROSECONDS;
}

} // namespace

bool TimesyncdReader::isNotRunning(const QString &message)
{
    return message.startsWith(u"systemd-timesyncd is not running"_s);
}

Result<TimesyncdSnapshot> TimesyncdReader::read(const QDBusConnection &bus, int timeoutMs)
{
    if (!bus.isConnected())
        return Error{u"no D-Bus connection: %1"_s.arg(bus.lastError().message())};
    QDBusConnectionInterface *daemon = bus.interface();
    if (!daemon)
        return Error{u"the D-Bus daemon does not answer"_s};
    const QDBusReply<bool> owned = daemon->isServiceRegistered(QString::fromLatin1(SERVICE));
    if (!owned.isValid())
        return Error{u"cannot ask the D-Bus daemon about %1: %2"_s.arg(QLatin1StringView(SERVICE), owned.error().message())};
    if (!owned.value())
        return Error{u"systemd-timesyncd is not running (%1 has no owner on the bus)"_s.arg(QLatin1StringView(SERVICE))};
    QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(SERVICE), QString::fromLatin1(PATH),
                                                       u"org.freedesktop.DBus.Properties"_s, u"GetAll"_s);
    call << QString::fromLatin1(INTERFACE);
    // NoAutoStart: never activate timesyncd just to read it.
    call.setAutoStartService(false);
    const QDBusMessage reply = bus.call(call, QDBus::Block, timeoutMs);
    if (reply.type() == QDBusMessage::ErrorMessage)
        return Error{u"cannot read %1: %2"_s.arg(QLatin1StringView(INTERFACE), reply.errorMessage())};
    if (reply.arguments().size() != 1)
        return Error{u"%1 answered GetAll with %2 values"_s.arg(QLatin1StringView(INTERFACE)).arg(reply.arguments().size())};
    const QDBusArgument argument = reply.arguments().first().value<QDBusArgument>();
    if (argument.currentSignature() != u"a{sv}"_s)
        return Error{u"%1 answered GetAll with a value of type %2"_s.arg(QLatin1StringView(INTERFACE), argument.currentSignature())};
    QVariantMap properties;
    argument >> properties;
    TimesyncdSnapshot s;
    s.serverName = properties.value(u"ServerName"_s).toString().left(256);
    s.serverAddress = addressText(properties.value(u"ServerAddress"_s));
    s.linkServers = stringList(properties.value(u"LinkNTPServers"_s));
    s.systemServers = stringList(properties.value(u"SystemNTPServers"_s));
    s.runtimeServers = stringList(properties.value(u"RuntimeNTPServers"_s));
    s.fallbackServers = stringList(properties.value(u"FallbackNTPServers"_s));
    s.pollIntervalSeconds = seconds(properties.value(u"PollIntervalUSec"_s));
    s.pollIntervalMinSeconds = seconds(properties.value(u"PollIntervalMinUSec"_s));
    s.pollIntervalMaxSeconds = seconds(properties.value(u"PollIntervalMaxUSec"_s));
    s.rootDistanceMaxSeconds = seconds(properties.value(u"RootDistanceMaxUSec"_s));
    if (properties.contains(u"Frequency"_s))
        s.frequencyPpm = double(properties.value(u"Frequency"_s).toLongLong()) / 65536.0;
    applyMessage(properties.value(u"NTPMessage"_s), s);
    return s;
}

QJsonObject timesyncdSnapshotJson(const TimesyncdSnapshot &s)
{
    QJsonObject out {
        {u"daemon"_s, u"systemd-timesyncd"_s},
        {u"endpoint"_s, QString::fromLatin1(TimesyncdReader::SERVICE)},
        {u"selectedSource"_s, s.serverAddress.isEmpty() ? QJsonValue() : QJsonValue(s.serverAddress)},
        {u"serverName"_s, s.serverName},
        {u"linkServers"_s, QJsonArray::fromStringList(s.linkServers)},
        {u"systemServers"_s, QJsonArray::fromStringList(s.systemServers)},
        {u"runtimeServers"_s, QJsonArray::fromStringList(s.runtimeServers)},
        {u"fallbackServers"_s, QJsonArray::fromStringList(s.fallbackServers)},
        {u"pollInterval"_s, s.pollIntervalSeconds},
        {u"pollIntervalMin"_s, s.pollIntervalMinSeconds},
        {u"pollIntervalMax"_s, s.pollIntervalMaxSeconds},
        {u"rootDistanceMax"_s, s.rootDistanceMaxSeconds},
        {u"frequencyPpm"_s, s.frequencyPpm ? QJsonValue(*s.frequencyPpm) : QJsonValue()},
    };
    if (s.hasMessage) {
        out.insert(u"lastReply"_s, QJsonObject {
            {u"leap"_s, chronydLeapWords(s.leap)},
            {u"version"_s, s.version},
            {u"stratum"_s, s.stratum},
            {u"precisionLog2"_s, s.precisionLog2},
            {u"rootDelay"_s, s.rootDelay},
            {u"rootDispersion"_s, s.rootDispersion},
            {u"referenceId"_s, s.referenceId},
            {u"offset"_s, s.offset},
            {u"delay"_s, s.delay},
            {u"jitter"_s, s.jitter},
            {u"spike"_s, s.spike},
            {u"packetCount"_s, double(s.packetCount)},
        });
    } else {
        out.insert(u"lastReply"_s, QJsonValue());
    }
    return out;
}

} // namespace chronoscope::sysservice
