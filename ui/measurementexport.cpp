// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/measurementexport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include "ui/charts/chartspanel.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {
namespace {

using Metric = SampleHistory::Metric;

Result<QString> writeAtomically(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QCoreApplication::translate("MeasurementExport", "cannot write %1: %2").arg(path, file.errorString())};
    file.write(content);
    if (!file.commit())
        return Error{QCoreApplication::translate("MeasurementExport", "cannot write %1: %2").arg(path, file.errorString())};
    return path;
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    return u"\""_s + QString(text).replace(u"\""_s, u"\"\""_s) + u"\""_s;
}

} // namespace

Result<QString> exportMeasurementsCsv(const ChartsPanel &charts, const QString &path)
{
    QByteArray out = "server,time_unix,time_utc,offset_s,delay_s,jitter_s\n";
    const QList<int> ids = charts.serverIds();
    for (int id : ids) {
        const SampleHistory *history = charts.history(id);
        const QByteArray name = csvField(charts.serverName(id)).toUtf8();
        for (int i = 0; i < history->size(); ++i) {
            const double t = history->timeAt(i);
            out += name + ',' + QByteArray::number(t, 'f', 6) + ','
                + QDateTime::fromMSecsSinceEpoch(qint64(t * 1000.0), Qt::UTC).toString(Qt::ISODateWithMs).toUtf8()
                + ',' + QByteArray::number(history->valueAt(i, Metric::Offset), 'g', 9) + ','
                + QByteArray::number(history->valueAt(i, Metric::Delay), 'g', 9) + ','
                + QByteArray::number(history->valueAt(i, Metric::Jitter), 'g', 9) + '\n';
        }
    }
    return writeAtomically(path, out);
}

Result<QString> exportMeasurementsJson(const ChartsPanel &charts, const QString &path)
{
    QJsonArray servers;
    const QList<int> ids = charts.serverIds();
    for (int id : ids) {
        const SampleHistory *history = charts.history(id);
        QJsonArray samples;
        for (int i = 0; i < history->size(); ++i)
            samples.append(QJsonObject{{u"t"_s, history->timeAt(i)},
                                       {u"offset"_s, history->valueAt(i, Metric::Offset)},
                                       {u"delay"_s, history->valueAt(i, Metric::Delay)},
                                       {u"jitter"_s, history->valueAt(i, Metric::Jitter)}});
        servers.append(QJsonObject{{u"name"_s, charts.serverName(id)}, {u"samples"_s, samples}});
    }
    const QJsonObject root{{u"version"_s, 1}, {u"servers"_s, servers}};
    return writeAtomically(path, QJsonDocument(root).toJson(QJsonDocument::Indented));
}

} // namespace chronoscope::ui
