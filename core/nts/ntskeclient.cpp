// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nts/ntskeclient.h"

#include <cstring>
#include <ctime>

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include "core/nts/kemessage.h"
#include "core/nts/kerecord.h"
#include "core/nts/keyexport.h"

using namespace Qt::StringLiterals;

namespace chronoscope::nts {
namespace {

constexpr unsigned char ALPN_NTSKE[] = {7, 'n', 't', 's', 'k', 'e', '/', '1'};
constexpr qint64 SOCKET_READ_BUFFER = 64 * 1024;   // bytes Qt buffers before we take them
constexpr int KEY_SIZE = 32;                       // AEAD_AES_SIV_CMAC_256

QString takeOpensslErrors()
{
    QStringList texts;
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        texts << QString::fromLatin1(text);
    }
    return texts.join(u"; "_s);
}

int firstErrorReason()
{
    const unsigned long code = ERR_peek_error();
    return code == 0 ? 0 : ERR_GET_REASON(code);
}

QString nameText(const X509_NAME *name)
{
    if (!name)
        return {};
    BIO *bio = BIO_new(BIO_s_mem());
    if (!bio)
        return {};
    X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253);
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    const QString text = QString::fromUtf8(data, qsizetype(length));
    BIO_free(bio);
    return text;
}

QDateTime asn1Time(const ASN1_TIME *time)
{
    std::tm tm{};
    if (!time || !ASN1_TIME_to_tm(time, &tm))
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

NtsFailureKind verifyFailureKind(long result)
{
    switch (result) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case X509_V_ERR_CERT_NOT_YET_VALID:
    case X509_V_ERR_CRL_HAS_EXPIRED:
    case X509_V_ERR_CRL_NOT_YET_VALID: return NtsFailureKind::CertificateExpired;
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
    case X509_V_ERR_EMAIL_MISMATCH: return NtsFailureKind::CertificateName;
    default: return NtsFailureKind::CertificateUntrusted;
    }
}

bool loadCaPath(SSL_CTX *ctx, const QString &path, QString &error)
{
    const QFileInfo info(path);
    QStringList files;
    if (info.isDir()) {
        const QDir dir(path);
        for (const QString &name : dir.entryList({u"*.pem"_s, u"*.crt"_s, u"*.cer"_s}, QDir::Files, QDir::Name))
            files << dir.filePath(name);
        if (files.isEmpty()) {
            error = u"no *.pem, *.crt or *.cer files in the CA directory %1"_s.arg(path);
            return false;
        }
    } else {
        files << path;
    }
    for (const QString &file : std::as_const(files)) {
        if (!SSL_CTX_load_verify_file(ctx, QFile::encodeName(file).constData())) {
            error = u"cannot load CA certificates from %1: %2"_s.arg(file, takeOpensslErrors());
            return false;
        }
    }
    return true;
}

} // namespace

struct NtsKeClient::Tls
{
    SSL_CTX *ctx = nullptr;
    SSL *ssl = nullptr;
    BIO *network = nullptr;   // ciphertext from the server (owned by ssl)
    BIO *outgoing = nullptr;  // ciphertext for the server (owned by ssl)
    ~Tls()
    {
        SSL_free(ssl);
        SSL_CTX_free(ctx);
    }
};

NtsKeClient::NtsKeClient(QObject *parent) : QObject(parent), m_socket(this), m_deadline(this)
{
    m_deadline.setSingleShot(true);
    m_socket.setReadBufferSize(SOCKET_READ_BUFFER);
    connect(&m_socket, &QTcpSocket::connected, this, &NtsKeClient::onConnected);
    connect(&m_socket, &QTcpSocket::readyRead, this, &NtsKeClient::onReadyRead);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &NtsKeClient::onSocketError);
    connect(&m_deadline, &QTimer::timeout, this, &NtsKeClient::onTimeout);
}

NtsKeClient::~NtsKeClient()
{
    m_running = false;
    m_socket.abort();
}

void NtsKeClient::reset()
{
    m_deadline.stop();
    m_socket.abort();
    m_tls.reset();
    m_response.clear();
    m_handshakeDone = false;
    m_peerClosed = false;
}

void NtsKeClient::abort()
{
    m_running = false;
    reset();
}

void NtsKeClient::start(const QString &host, quint16 port, const NtsTrust &trust, double timeoutSeconds)
{
    abort();
    m_host = host;
    m_port = port;
    m_timeout = timeoutSeconds;
    m_session.reset();
    m_failure = {};
    m_running = true;
    m_deadline.start(std::chrono::milliseconds(qint64(timeoutSeconds * 1000.0)));
    if (!setUpTls(trust))
        return;
    m_socket.connectToHost(host, port);
}

bool NtsKeClient::setUpTls(const NtsTrust &trust)
{
    ERR_clear_error();
    m_tls = std::make_unique<Tls>();
    m_tls->ctx = SSL_CTX_new(TLS_client_method());
    if (!m_tls->ctx) {
        fail(NtsFailureKind::TlsHandshake, u"OpenSSL cannot create a TLS context: "_s + takeOpensslErrors());
        return false;
    }
    SSL_CTX_set_min_proto_version(m_tls->ctx, TLS1_3_VERSION);   // RFC 8915 §3: TLS 1.3 or later
    SSL_CTX_set_verify(m_tls->ctx, SSL_VERIFY_PEER, nullptr);
    if (trust.systemStore && !SSL_CTX_set_default_verify_paths(m_tls->ctx))
        takeOpensslErrors();   // no system store: only the user's CA files can vouch
    for (const QString &path : trust.caPaths) {
        QString error;
        if (!loadCaPath(m_tls->ctx, path, error)) {
            fail(NtsFailureKind::CertificateUntrusted, error);
            return false;
        }
    }
    if (SSL_CTX_set_alpn_protos(m_tls->ctx, ALPN_NTSKE, sizeof ALPN_NTSKE) != 0) {
        fail(NtsFailureKind::TlsHandshake, u"OpenSSL refuses the ALPN list: "_s + takeOpensslErrors());
        return false;
    }
    m_tls->ssl = SSL_new(m_tls->ctx);
    m_tls->network = BIO_new(BIO_s_mem());
    m_tls->outgoing = BIO_new(BIO_s_mem());
    if (!m_tls->ssl || !m_tls->network || !m_tls->outgoing) {
        BIO_free(m_tls->network);
        BIO_free(m_tls->outgoing);
        m_tls->network = m_tls->outgoing = nullptr;
        fail(NtsFailureKind::TlsHandshake, u"OpenSSL cannot create a TLS session: "_s + takeOpensslErrors());
        return false;
    }
    SSL_set_bio(m_tls->ssl, m_tls->network, m_tls->outgoing);
    SSL_set_connect_state(m_tls->ssl);

    // The certificate must name the KE host: as an IP address when it is a literal, else as a
    // DNS name, which also goes out as SNI.
    const QByteArray hostBytes = m_host.toUtf8();
    bool named = false;
    if (!QHostAddress(m_host).isNull()) {
        named = X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(m_tls->ssl), hostBytes.constData()) == 1;
    } else {
        SSL_set_hostflags(m_tls->ssl, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        named = SSL_set1_host(m_tls->ssl, hostBytes.constData()) == 1
            && SSL_set_tlsext_host_name(m_tls->ssl, hostBytes.constData()) == 1;
    }
    if (!named) {
        fail(NtsFailureKind::CertificateName, u"cannot check a certificate against the host name '%1'"_s.arg(m_host));
        return false;
    }
    return true;
}

void NtsKeClient::onConnected()
{
    pump();
}

void NtsKeClient::onReadyRead()
{
    if (!m_running || !m_tls)
        return;
    while (m_socket.bytesAvailable() > 0) {
        const QByteArray chunk = m_socket.read(SOCKET_READ_BUFFER);
        if (chunk.isEmpty())
            break;
        if (BIO_write(m_tls->network, chunk.constData(), int(chunk.size())) != int(chunk.size())) {
            fail(NtsFailureKind::TlsHandshake, u"OpenSSL did not take the received bytes"_s);
            return;
        }
    }
    pump();
}

void NtsKeClient::pump()
{
    if (!m_running || !m_tls)
        return;
    if (!m_handshakeDone && !finishHandshake())
        return;
    if (!m_handshakeDone || !readRecords())
        return;
    const KeRecordScan scan = scanKeRecords(m_response);
    switch (scan.state) {
    case KeRecordScan::State::Invalid:
        fail(NtsFailureKind::KeMalformed, scan.error);
        return;
    case KeRecordScan::State::Complete:
        completeExchange();
        return;
    case KeRecordScan::State::Incomplete:
        if (m_peerClosed)
            fail(NtsFailureKind::KeMalformed,
                 u"the server closed the connection after %1 bytes, before End of Message"_s.arg(m_response.size()));
        return;
    }
}

bool NtsKeClient::finishHandshake()
{
    ERR_clear_error();
    const int result = SSL_do_handshake(m_tls->ssl);
    if (result != 1) {
        const int error = SSL_get_error(m_tls->ssl, result);
        flushToSocket();
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
            return true;   // wait for the server's next flight
        failHandshake(error);
        return false;
    }
    m_handshakeDone = true;
    const unsigned char *protocol = nullptr;
    unsigned int length = 0;
    SSL_get0_alpn_selected(m_tls->ssl, &protocol, &length);
    if (length != sizeof ALPN_NTSKE - 1 || std::memcmp(protocol, ALPN_NTSKE + 1, length) != 0) {
        fail(NtsFailureKind::Alpn, length == 0 ? u"the server negotiated no application protocol"_s
                                               : u"the server chose the application protocol '%1'"_s.arg(
                                                     QString::fromLatin1(reinterpret_cast<const char *>(protocol),
                                                                         qsizetype(length))));
        return false;
    }
    const QByteArray request = buildKeRequest();
    if (SSL_write(m_tls->ssl, request.constData(), int(request.size())) != int(request.size())) {
        fail(NtsFailureKind::TlsHandshake, u"cannot send the key-exchange request: "_s + takeOpensslErrors());
        return false;
    }
    flushToSocket();
    return true;
}

void NtsKeClient::failHandshake(int sslError)
{
    const long verify = SSL_get_verify_result(m_tls->ssl);
    if (verify != X509_V_OK) {
        takeOpensslErrors();
        fail(verifyFailureKind(verify), u"certificate of %1: %2"_s.arg(m_host, QString::fromLatin1(
                                                                                 X509_verify_cert_error_string(verify))));
        return;
    }
    const int reason = firstErrorReason();
    const QString errors = takeOpensslErrors();
    if (reason == SSL_R_UNSUPPORTED_PROTOCOL || reason == SSL_R_TLSV1_ALERT_PROTOCOL_VERSION
        || reason == SSL_R_WRONG_SSL_VERSION || reason == SSL_R_NO_PROTOCOLS_AVAILABLE) {
        fail(NtsFailureKind::TlsVersion, u"%1 does not offer TLS 1.3 (%2)"_s.arg(m_host, errors));
        return;
    }
    if (reason == SSL_R_TLSV1_ALERT_NO_APPLICATION_PROTOCOL) {
        fail(NtsFailureKind::Alpn, u"%1 does not speak ntske/1 (%2)"_s.arg(m_host, errors));
        return;
    }
    if (reason == SSL_R_BAD_EXTENSION) {
        // What OpenSSL reports when the server picks an application protocol we did not offer.
        fail(NtsFailureKind::Alpn,
             u"%1 sent an invalid TLS extension, such as an application protocol other than ntske/1 (%2)"_s.arg(
                 m_host, errors));
        return;
    }
    fail(NtsFailureKind::TlsHandshake,
         errors.isEmpty() ? u"TLS error %1 with %2"_s.arg(sslError).arg(m_host) : errors);
}

bool NtsKeClient::readRecords()
{
    char buffer[4096];
    for (;;) {
        ERR_clear_error();
        const int n = SSL_read(m_tls->ssl, buffer, int(sizeof buffer));
        if (n > 0) {
            if (m_response.size() + n > MAX_KE_MESSAGE_SIZE) {
                fail(NtsFailureKind::KeMalformed,
                     u"key-exchange response longer than %1 bytes"_s.arg(MAX_KE_MESSAGE_SIZE));
                return false;
            }
            m_response.append(buffer, n);
            continue;
        }
        const int error = SSL_get_error(m_tls->ssl, n);
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
            break;
        if (error == SSL_ERROR_ZERO_RETURN) {
            m_peerClosed = true;
            break;
        }
        fail(NtsFailureKind::TlsHandshake, u"TLS error while reading the response: "_s + takeOpensslErrors());
        return false;
    }
    flushToSocket();
    return true;
}

void NtsKeClient::completeExchange()
{
    const KeRecordScan scan = scanKeRecords(m_response);
    const KeResponseCheck check = checkKeResponse(scan.records);
    if (!check.response) {
        fail(check.failure.kind, check.failure.detail);
        return;
    }
    const KeResponse &response = *check.response;
    QByteArray c2s(KEY_SIZE, Qt::Uninitialized);
    QByteArray s2c(KEY_SIZE, Qt::Uninitialized);
    const QByteArray c2sContext = keyExportContext(NTS_NEXT_PROTOCOL_NTPV4, response.aead, KeyDirection::ClientToServer);
    const QByteArray s2cContext = keyExportContext(NTS_NEXT_PROTOCOL_NTPV4, response.aead, KeyDirection::ServerToClient);
    auto exportKey = [this](QByteArray &out, const QByteArray &context) {
        return SSL_export_keying_material(m_tls->ssl, reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()),
                                          NTS_EXPORTER_LABEL, size_t(NTS_EXPORTER_LABEL_LENGTH),
                                          reinterpret_cast<const unsigned char *>(context.constData()),
                                          size_t(context.size()), 1)
            == 1;
    };
    if (!exportKey(c2s, c2sContext) || !exportKey(s2c, s2cContext)) {
        fail(NtsFailureKind::TlsHandshake, u"cannot export the NTS keys: "_s + takeOpensslErrors());
        return;
    }

    NtsKeSession session;
    session.keHost = m_host;
    session.kePort = m_port;
    session.ntpServer = response.ntpServer.isEmpty() ? m_host : response.ntpServer;
    session.ntpPort = response.ntpPort.value_or(123);
    session.aead = response.aead;
    session.c2sKey = auth::SecretBytes(std::move(c2s));   // moved: SecretBytes wipes the exported bytes
    session.s2cKey = auth::SecretBytes(std::move(s2c));
    session.cookies = response.cookies;
    session.established = QDateTime::currentDateTimeUtc();
    session.tlsVersion = QString::fromLatin1(SSL_get_version(m_tls->ssl));
    if (const SSL_CIPHER *cipher = SSL_get_current_cipher(m_tls->ssl))
        session.cipher = QString::fromLatin1(SSL_CIPHER_get_name(cipher));
    if (const X509 *cert = SSL_get0_peer_certificate(m_tls->ssl)) {
        session.certificate.subject = nameText(X509_get_subject_name(cert));
        session.certificate.issuer = nameText(X509_get_issuer_name(cert));
        session.certificate.notBefore = asn1Time(X509_get0_notBefore(cert));
        session.certificate.notAfter = asn1Time(X509_get0_notAfter(cert));
    }
    if (STACK_OF(X509) *chain = SSL_get0_verified_chain(m_tls->ssl)) {
        for (int i = 0; i < sk_X509_num(chain); ++i)
            session.certificate.chain << nameText(X509_get_subject_name(sk_X509_value(chain, i)));
    }
    SSL_shutdown(m_tls->ssl);
    flushToSocket();
    m_socket.disconnectFromHost();
    m_deadline.stop();
    m_session = std::move(session);
    m_running = false;
    emit finished();
}

void NtsKeClient::flushToSocket()
{
    if (!m_tls || !m_tls->outgoing)
        return;
    char buffer[4096];
    int n = 0;
    while ((n = BIO_read(m_tls->outgoing, buffer, int(sizeof buffer))) > 0)
        m_socket.write(buffer, n);
}

void NtsKeClient::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_running)
        return;
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        fail(NtsFailureKind::Resolve, u"cannot resolve %1: %2"_s.arg(m_host, m_socket.errorString()));
        return;
    case QAbstractSocket::RemoteHostClosedError:
        // Whatever arrived before the close has been through onReadyRead already.
        if (!m_handshakeDone)
            fail(NtsFailureKind::TlsHandshake,
                 u"%1 closed the connection during the TLS handshake (not a TLS 1.3 NTS-KE server?)"_s.arg(m_host));
        else
            fail(NtsFailureKind::KeMalformed,
                 u"%1 closed the connection after %2 bytes, before End of Message"_s.arg(m_host).arg(
                     m_response.size()));
        return;
    default:
        fail(NtsFailureKind::Connect, u"cannot connect to %1 port %2: %3"_s.arg(m_host).arg(m_port).arg(
                                          m_socket.errorString()));
        return;
    }
}

void NtsKeClient::onTimeout()
{
    if (!m_running)
        return;
    QString stage;
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        stage = u"connecting to %1 port %2"_s.arg(m_host).arg(m_port);
    else if (!m_handshakeDone)
        stage = u"in the TLS handshake with %1"_s.arg(m_host);
    else
        stage = u"waiting for End of Message from %1 (%2 bytes so far)"_s.arg(m_host).arg(m_response.size());
    fail(NtsFailureKind::Timeout, u"no complete key exchange within %1 s: %2"_s.arg(m_timeout).arg(stage));
}

void NtsKeClient::fail(NtsFailureKind kind, const QString &detail)
{
    if (!m_running)
        return;
    m_running = false;
    m_failure = NtsFailure{kind, detail};
    reset();
    emit finished();
}

} // namespace chronoscope::nts
