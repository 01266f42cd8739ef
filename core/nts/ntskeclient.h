// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>

#include "core/nts/ntsfailure.h"
#include "core/nts/ntskesession.h"
#include "core/nts/ntstrust.h"

namespace chronoscope::nts {

// One NTS-KE exchange (RFC 8915 §4) as a client: TLS 1.3 with ALPN "ntske/1" and the server's
// certificate checked against the KE host name (or address), the request records, the response
// records until End of Message, then the C2S/S2C keys through the TLS exporter (§5.1).
//
// OpenSSL runs on memory BIOs fed from a QTcpSocket, so nothing blocks: the exchange lives in the
// event loop of the thread the object belongs to (the engine thread, or a test's), and a timer
// bounds it as a whole. finished() is emitted exactly once per start(), on success or failure.
class NtsKeClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NtsKeClient)
public:
    static constexpr double DEFAULT_TIMEOUT = 5.0;   // seconds for the whole exchange

    explicit NtsKeClient(QObject *parent = nullptr);
    ~NtsKeClient() override;

    // `host` is a name or an address literal (IPv6 without brackets); the certificate must name
    // it. Any exchange still running is abandoned first (without finished()).
    void start(const QString &host, quint16 port, const NtsTrust &trust, double timeoutSeconds = DEFAULT_TIMEOUT);
    void abort();

    bool isRunning() const { return m_running; }
    // After finished(): the session on success, else the failure.
    const std::optional<NtsKeSession> &session() const { return m_session; }
    const NtsFailure &failure() const { return m_failure; }

signals:
    void finished();

private:
    struct Tls;

    bool setUpTls(const NtsTrust &trust);
    void onConnected();
    void onReadyRead();
    void onSocketError(QAbstractSocket::SocketError error);
    void onTimeout();
    void pump();
    bool finishHandshake();
    bool readRecords();
    void completeExchange();
    void flushToSocket();
    void failHandshake(int sslError);
    void fail(NtsFailureKind kind, const QString &detail);
    void reset();

    QString m_host;
    quint16 m_port = 0;
    double m_timeout = DEFAULT_TIMEOUT;
    QTcpSocket m_socket;
    QTimer m_deadline;
    std::unique_ptr<Tls> m_tls;
    QByteArray m_response;         // decrypted KE records received so far
    bool m_running = false;
    bool m_handshakeDone = false;
    bool m_peerClosed = false;
    std::optional<NtsKeSession> m_session;
    NtsFailure m_failure;
};

} // namespace chronoscope::nts
