// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QJsonArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace chronoscope::testing {

// A real Prometheus (Debian's `prometheus` package) for interoperability tests: a temporary
// configuration and storage directory, its web/API port on 127.0.0.1 only, scraping one target
// (given as "127.0.0.1:PORT") every `scrapeSeconds`. As root it runs as nobody (setpriv), never
// privileged. The destructor stops it; it also dies with the test process.
class PrometheusInstance
{
    Q_DISABLE_COPY_MOVE(PrometheusInstance)
public:
    PrometheusInstance(const QString &target, double scrapeSeconds);
    ~PrometheusInstance();

    // Starts Prometheus and waits until /-/ready answers 200 (at most `readySeconds`).
    bool start(double readySeconds = 30.0);
    void stop();
    QString errorString() const { return m_errorString; }
    quint16 port() const { return m_port; }
    QString log() const;

    // GET http://127.0.0.1:port()/`pathAndQuery` (HTTP/1.0); the body, *status the HTTP status
    // (0 when there was no answer).
    QByteArray get(const QByteArray &pathAndQuery, int *status) const;
    // The `result` array of an instant query through /api/v1/query; empty (and *error set)
    // when the query failed.
    QJsonArray query(const QString &promql, QString *error) const;

    // prometheus and promtool from PATH (or /usr/bin); empty when not installed.
    static QString findPrometheus();
    static QString findPromtool();

private:
    bool writeConfig();

    QString m_target;
    double m_scrapeSeconds;
    quint16 m_port = 0;
    QString m_errorString;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_process;
};

} // namespace chronoscope::testing
