// SPDX-License-Identifier: GPL-3.0-or-later
// AEAD_AES_SIV_CMAC_256 through Nettle (core/nts/aessivcmac). RFC 5297's vectors use S2V forms
// Nettle's one-AD-plus-nonce API cannot express (A.1 has no nonce, A.2 two AD components), so the
// test is a chain: OpenSSL's EVP AES-128-SIV, an independent implementation, reproduces the RFC
// 5297 A.1 and A.2 outputs exactly; then our wrapper must agree with it byte for byte on the NTS
// form (AD, nonce, plaintext) — including the RFC 5297 A.2 key, AD and nonce — for non-empty
// plaintexts, and must round-trip the empty plaintext that OpenSSL 3.0 refuses. Tampering with
// any input must fail decryption.
#include <memory>

#include <QTest>

#include <openssl/evp.h>

#include "core/nts/aessivcmac.h"

using namespace chronoscope::nts;

namespace {

struct CipherCtxDeleter { void operator()(EVP_CIPHER_CTX *p) const { EVP_CIPHER_CTX_free(p); } };
struct CipherDeleter { void operator()(EVP_CIPHER *p) const { EVP_CIPHER_free(p); } };

// RFC 5297 S2V with any number of AD components (the nonce, if any, is the last one): tag ‖ C.
QByteArray opensslSiv(const QByteArray &key, const QList<QByteArray> &components, const QByteArray &plaintext)
{
    const std::unique_ptr<EVP_CIPHER, CipherDeleter> cipher(EVP_CIPHER_fetch(nullptr, "AES-128-SIV", nullptr));
    const std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> ctx(EVP_CIPHER_CTX_new());
    if (!cipher || !ctx
        || !EVP_EncryptInit_ex2(ctx.get(), cipher.get(), reinterpret_cast<const unsigned char *>(key.constData()),
                                nullptr, nullptr))
        return {};
    int length = 0;
    for (const QByteArray &ad : components)
        if (!EVP_EncryptUpdate(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char *>(ad.constData()),
                               int(ad.size())))
            return {};
    QByteArray out(plaintext.size(), '\0');
    if (!EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &length,
                           reinterpret_cast<const unsigned char *>(plaintext.constData()), int(plaintext.size()))
        || !EVP_EncryptFinal_ex(ctx.get(), nullptr, &length))
        return {};
    QByteArray tag(16, '\0');
    if (!EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, 16, tag.data()))
        return {};
    return tag + out;
}

QByteArray hex(const char *text) { return QByteArray::fromHex(text); }

// RFC 5297 Appendix A.1 (deterministic) and A.2 (nonce-based).
const QByteArray A1_KEY = hex("fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
const QByteArray A1_AD = hex("101112131415161718191a1b1c1d1e1f2021222324252627");
const QByteArray A1_PLAIN = hex("112233445566778899aabbccddee");
const QByteArray A1_OUT = hex("85632d07c6e8f37f950acd320a2ecc9340c02b9690c4dc04daef7f6afe5c");
const QByteArray A2_KEY = hex("7f7e7d7c7b7a79787776757473727170404142434445464748494a4b4c4d4e4f");
const QByteArray A2_AD1 = hex("00112233445566778899aabbccddeeffdeaddadadeaddadaffeeddccbbaa99887766554433221100");
const QByteArray A2_AD2 = hex("102030405060708090a0");
const QByteArray A2_NONCE = hex("09f911029d74e35bd84156c5635688c0");
const QByteArray A2_PLAIN = hex("7468697320697320736f6d6520706c61696e7465787420746f20656e6372797074207573696e67205349562d414553");
const QByteArray A2_OUT = hex("7bdb6e3b432667eb06f4d14bff2fbd0fcb900f2fddbe404326601965c889bf17dba77ceb094fa663b7a3f7"
                              "48ba8af829ea64ad544a272e9c485b62a3fd5c0d");

} // namespace

class TestAesSivCmac : public QObject
{
    Q_OBJECT
private slots:
    void referenceReproducesRfc5297()
    {
        QCOMPARE(opensslSiv(A1_KEY, {A1_AD}, A1_PLAIN).toHex(), A1_OUT.toHex());
        QCOMPARE(opensslSiv(A2_KEY, {A2_AD1, A2_AD2, A2_NONCE}, A2_PLAIN).toHex(), A2_OUT.toHex());
    }

    void agreesWithReferenceOnNtsForm_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("ad");
        QTest::addColumn<QByteArray>("nonce");
        QTest::addColumn<QByteArray>("plaintext");
        QTest::newRow("A.2 key, AD1, nonce") << A2_KEY << A2_AD1 << A2_NONCE << A2_PLAIN;
        QTest::newRow("A.1 key and AD, A.2 nonce") << A1_KEY << A1_AD << A2_NONCE << A1_PLAIN;
        QTest::newRow("empty AD") << A2_KEY << QByteArray() << A2_NONCE << A2_PLAIN;
        QTest::newRow("NTS-sized") << A1_KEY << QByteArray(84, 'h') << QByteArray(16, 'n') << QByteArray(104 * 8, 'c');
    }

    void agreesWithReferenceOnNtsForm()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, ad);
        QFETCH(QByteArray, nonce);
        QFETCH(QByteArray, plaintext);
        const QByteArray reference = opensslSiv(key, {ad, nonce}, plaintext);
        QVERIFY(!reference.isEmpty());
        const std::optional<QByteArray> ours = AesSivCmac256::encrypt(key, nonce, ad, plaintext);
        QVERIFY(ours);
        QCOMPARE(ours->toHex(), reference.toHex());
        QCOMPARE(AesSivCmac256::decrypt(key, nonce, ad, *ours), std::optional<QByteArray>(plaintext));
    }

    void emptyPlaintextIsJustTheTag()
    {
        // The NTS request's authenticator: nothing to encrypt, 16 bytes of tag.
        const std::optional<QByteArray> tag = AesSivCmac256::encrypt(A2_KEY, A2_NONCE, A2_AD1, {});
        QVERIFY(tag);
        QCOMPARE(tag->size(), 16);
        QCOMPARE(AesSivCmac256::decrypt(A2_KEY, A2_NONCE, A2_AD1, *tag), std::optional<QByteArray>(QByteArray()));
        // Same inputs, same tag (SIV is deterministic); another nonce, another tag.
        QCOMPARE(AesSivCmac256::encrypt(A2_KEY, A2_NONCE, A2_AD1, {}), tag);
        QVERIFY(AesSivCmac256::encrypt(A2_KEY, QByteArray(16, 'x'), A2_AD1, {}) != tag);
    }

    void tamperingFails()
    {
        const QByteArray sealed = *AesSivCmac256::encrypt(A2_KEY, A2_NONCE, A2_AD1, A2_PLAIN);
        for (qsizetype i : {qsizetype(0), qsizetype(15), qsizetype(16), sealed.size() - 1}) {
            QByteArray bad = sealed;
            bad[i] = char(bad[i] ^ 1);
            QVERIFY(!AesSivCmac256::decrypt(A2_KEY, A2_NONCE, A2_AD1, bad));
        }
        QByteArray ad = A2_AD1;
        ad[3] = char(ad[3] ^ 0x80);
        QVERIFY(!AesSivCmac256::decrypt(A2_KEY, A2_NONCE, ad, sealed));
        QByteArray nonce = A2_NONCE;
        nonce[0] = char(nonce[0] ^ 1);
        QVERIFY(!AesSivCmac256::decrypt(A2_KEY, nonce, A2_AD1, sealed));
        QVERIFY(!AesSivCmac256::decrypt(A1_KEY, A2_NONCE, A2_AD1, sealed));
    }

    void impossibleInputsAreRefused()
    {
        QVERIFY(!AesSivCmac256::encrypt(QByteArray(16, 'k'), A2_NONCE, {}, {}));   // a 16-byte key
        QVERIFY(!AesSivCmac256::encrypt(A2_KEY, {}, {}, {}));                      // no nonce
        QVERIFY(!AesSivCmac256::decrypt(A2_KEY, A2_NONCE, {}, QByteArray(15, 't')));   // shorter than a tag
        QVERIFY(!AesSivCmac256::decrypt(A2_KEY, {}, {}, QByteArray(16, 't')));
    }
};

QTEST_GUILESS_MAIN(TestAesSivCmac)
#include "tst_aessivcmac.moc"
