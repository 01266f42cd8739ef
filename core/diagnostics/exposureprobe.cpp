// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/exposureprobe.h"

#include <QHostInfo>
#include <QRandomGenerator>

#include "core/diagnostics/controlmessage.h"
#include "core/diagnostics/privatemessage.h"
#include "core/diagnostics/replyanalysis.h"

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {

ExposureProbe::ExposureProbe(QObject *parent) : QObject(parent), m_window(this)
{
    qRegisterMetaType<ExposureFindings>();
    m_window.setSingleShot(true);
    m_window.setTimerType(Qt::PreciseTimer);
    connect(&m_window, &QTimer::timeout, this, &ExposureProbe::finish);
}

ExposureProbe::~ExposureProbe()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
}

Result<engine::ServerSpec> ExposureProbe::parseTarget(const QString &text)
{
    Result<engine::ServerSpec> spec = engine::parseServerSpec(text);
    if (!spec)
        return Error{u"bad probe target '%1': %2"_s.arg(text, spec.errorMessage())};
    return spec;
}

bool ExposureProbe::start(const QString &typed, const engine::ServerSpec &target, double windowSeconds)
{
    if (m_running)
        return false;
    m_running = true;
    m_findings = ExposureFindings{};
    m_findings.target = typed;
    m_findings.host = target.host;
    m_findings.port = target.port;
    m_findings.windowSeconds = windowSeconds;
    m_findings.mode6.request = u"readvar"_s;
    m_findings.mode7.request = u"monlist"_s;
    for (Exchange &exchange : m_exchanges) {
        exchange.datagrams.clear();
        exchange.outcome = ProbeOutcome{};
    }
    m_exchanges[0].outcome.request = m_findings.mode6.request;
    m_exchanges[1].outcome.request = m_findings.mode7.request;

    const QHostAddress literal(target.host);
    if (!literal.isNull()) {
        m_findings.addressesFound = 1;
        // Deliver asynchronously in every case, so callers see a uniform signal order.
        QTimer::singleShot(0, this, [this, literal] { sendRequests(literal); });
        return true;
    }
    m_lookupId = QHostInfo::lookupHost(target.host, this, &ExposureProbe::onResolved);
    return true;
}

void ExposureProbe::onResolved(const QHostInfo &info)
{
    m_lookupId = -1;
    const QList<QHostAddress> addresses = info.addresses();
    m_findings.addressesFound = int(addresses.size());
    if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
        m_findings.error = u"could not resolve '%1': %2"_s.arg(
            m_findings.host, info.errorString().isEmpty() ? u"no addresses"_s : info.errorString());
        finish();
        return;
    }
    // Only ever the first address: the user named one server, not every host behind a name.
    sendRequests(addresses.first());
}

void ExposureProbe::sendRequests(const QHostAddress &address)
{
    m_findings.address = address.toString();
    m_sequence = quint16(1 + QRandomGenerator::global()->bounded(0xfffe));
    send(m_exchanges[0], address, encodeReadVarRequest(m_sequence));
    send(m_exchanges[1], address, encodeMonListRequest());
    m_window.start(std::chrono::milliseconds(qint64(m_findings.windowSeconds * 1000.0)));
    finishIfSettled();
}

void ExposureProbe::send(Exchange &exchange, const QHostAddress &address, const QByteArray &request)
{
    exchange.socket = new ProbeSocket(this);
    connect(exchange.socket, &ProbeSocket::datagramReceived, this,
            [&exchange](const QByteArray &datagram) { exchange.datagrams.append(datagram); });
    connect(exchange.socket, &ProbeSocket::refused, this, [this, &exchange] {
        exchange.outcome.refused = true;
        finishIfSettled();
    });
    connect(exchange.socket, &ProbeSocket::networkError, this, [this, &exchange](const QString &message) {
        exchange.outcome.networkError = message;
        finishIfSettled();
    });
    if (!exchange.socket->sendTo(address, m_findings.port, request)) {
        exchange.outcome.sendError = exchange.socket->errorString();
        return;
    }
    exchange.outcome.requestBytes = int(request.size());
}

void ExposureProbe::finishIfSettled()
{
    // Replies may still be on their way until the window closes, unless neither request can
    // get any: both refused, unreachable, or never sent.
    for (const Exchange &exchange : m_exchanges) {
        const ProbeOutcome &o = exchange.outcome;
        if (!o.refused && o.networkError.isEmpty() && o.sendError.isEmpty())
            return;
    }
    if (m_running) {
        QTimer::singleShot(0, this, [this, generation = m_generation] {
            if (generation == m_generation)
                finish();
        });
    }
}

void ExposureProbe::finish()
{
    if (!m_running)
        return;
    m_window.stop();
    for (Exchange &exchange : m_exchanges) {
        if (exchange.socket) {
            exchange.socket->receivePending();
            exchange.socket->close();
            exchange.socket->deleteLater();
            exchange.socket = nullptr;
        }
    }
    m_running = false;
    ++m_generation;
    if (m_findings.error.isEmpty()) {
        // The socket error of a request that could not be sent is the probe's error only when
        // neither request left.
        const QString &error6 = m_exchanges[0].outcome.sendError;
        const QString &error7 = m_exchanges[1].outcome.sendError;
        if (!error6.isEmpty() && !error7.isEmpty())
            m_findings.error = u"could not send to %1 port %2: %3"_s.arg(m_findings.address).arg(m_findings.port).arg(error6);
    }
    m_findings.mode6 = m_exchanges[0].outcome;
    m_findings.mode7 = m_exchanges[1].outcome;
    analyseControlReplies(m_exchanges[0].datagrams, m_sequence, m_findings.mode6);
    analysePrivateReplies(m_exchanges[1].datagrams, m_findings.mode7);
    assessExposure(m_findings);
    emit finished(m_findings);
}

} // namespace chronoscope::diagnostics
