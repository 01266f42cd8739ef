// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13: after key files are read and their keys used, no copy of a secret is left in memory
// a core dump would contain. Random secrets are written into a chrony and an ntpd key file; the
// files are read with readKeyFile (as the GUI and the CLI do), each key computes a MAC, and then
// every readable region of this process without the "dd" VmFlag (MADV_DONTDUMP) is read through
// /proc/self/mem and searched for the secrets: their bytes, their hex in both cases, and all of
// these as UTF-16. Nothing may be found, while the keys are alive (they are in SecretArena
// memory, which is "dd") and after they are gone (their blocks are then zero). The secrets, the
// file text and the scan buffer of the test itself live in "dd" pages of their own, so the
// search does not find the test's copies; a copy planted on the heap shows that it would find
// a leak. While the keys are read and used, the heap is quarantined (quarantineheap.h): freed
// memory is not reused and realloc always moves, so a copy freed without being wiped is still
// there to be found, not overwritten by luck.
#include <sys/mman.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <vector>

#include <QTemporaryDir>
#include <QTest>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "core/auth/keyfileio.h"
#include "core/auth/keyfilewriter.h"
#include "core/auth/keystore.h"
#include "core/auth/macalgorithm.h"
#include "core/auth/secretarena.h"
#include "core/auth/secretbytes.h"
#include "tests/unit/procsmaps.h"
#include "tests/unit/quarantineheap.h"

using namespace chronoscope;
using namespace chronoscope::auth;
using namespace Qt::StringLiterals;
using chronoscope::testing::MappedRegion;

namespace {

// Pages of the test's own that the scan skips, as it skips SecretArena's chunks.
class DumpExcludedBuffer
{
public:
    explicit DumpExcludedBuffer(std::size_t bytes) : m_size((bytes + 4095) / 4096 * 4096)
    {
        void *data = ::mmap(nullptr, m_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (data != MAP_FAILED && ::madvise(data, m_size, MADV_DONTDUMP) == 0)
            m_data = static_cast<char *>(data);
    }
    ~DumpExcludedBuffer()
    {
        if (m_data != nullptr) {
            OPENSSL_cleanse(m_data, m_size);
            ::munmap(m_data, m_size);
        }
    }
    DumpExcludedBuffer(const DumpExcludedBuffer &) = delete;
    DumpExcludedBuffer &operator=(const DumpExcludedBuffer &) = delete;

    bool isValid() const { return m_data != nullptr; }
    char *data() const { return m_data; }
    std::size_t size() const { return m_size; }

private:
    std::size_t m_size;
    char *m_data = nullptr;
};

struct Span
{
    std::size_t offset = 0;
    std::size_t length = 0;
};

struct TestKey
{
    std::uint32_t id = 0;
    KeyType type = KeyType::Sha1;
    Span secret;            // in m_secrets
    bool writtenAsText = false;   // ASCII in the file (else hex)
};

constexpr std::size_t KEY_FILE_BYTES = 4096;
constexpr std::size_t SCAN_CHUNK_BYTES = 1 << 20;

// Appends to a DumpExcludedBuffer without any other copy of what is appended.
class BufferWriter
{
public:
    explicit BufferWriter(DumpExcludedBuffer &buffer, std::size_t start = 0) : m_buffer(buffer), m_used(start) { }
    std::size_t used() const { return m_used; }
    bool overflowed() const { return m_overflowed; }

    void put(char c)
    {
        if (m_used >= m_buffer.size()) {
            m_overflowed = true;
            return;
        }
        m_buffer.data()[m_used++] = c;
    }
    void text(const char *s)
    {
        for (; *s != '\0'; ++s)
            put(*s);
    }
    void raw(const char *bytes, std::size_t length, bool utf16)
    {
        for (std::size_t i = 0; i < length; ++i) {
            put(bytes[i]);
            if (utf16)
                put('\0');
        }
    }
    void hex(const char *bytes, std::size_t length, bool upper, bool utf16)
    {
        const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        for (std::size_t i = 0; i < length; ++i) {
            const auto byte = static_cast<unsigned char>(bytes[i]);
            put(digits[byte >> 4]);
            if (utf16)
                put('\0');
            put(digits[byte & 0x0F]);
            if (utf16)
                put('\0');
        }
    }

private:
    DumpExcludedBuffer &m_buffer;
    std::size_t m_used;
    bool m_overflowed = false;
};

const char *typeName(KeyType type)
{
    switch (type) {
    case KeyType::Md5: return "MD5";
    case KeyType::Sha1: return "SHA1";
    case KeyType::Sha256: return "SHA256";
    case KeyType::Aes128Cmac: return "AES128";
    case KeyType::Aes256Cmac: return "AES256";
    }
    return "MD5";
}

bool allZero(const char *data, qsizetype size)
{
    const auto *bytes = reinterpret_cast<const volatile char *>(data);
    for (qsizetype i = 0; i < size; ++i) {
        if (bytes[i] != 0)
            return false;
    }
    return true;
}

} // namespace

class TestSecretMemory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theScanFindsACopyOnTheHeap();
    void keyFilesLeaveNoCopyOutsideSecureMemory_data();
    void keyFilesLeaveNoCopyOutsideSecureMemory();
    void savingAndExportingLeaveNoCopyOutsideSecureMemory();

private:
    void addKey(std::uint32_t id, KeyType type, std::size_t length, bool text);
    bool writeTestKeyFile(const QString &path, const std::vector<TestKey> &keys, bool chrony);
    // Descriptions of every needle found outside "dd" regions (empty: none).
    QStringList scanDumpableMemory();
    QByteArrayView secretOf(const TestKey &key) const
    {
        return {m_secrets.data() + key.secret.offset, qsizetype(key.secret.length)};
    }

    QTemporaryDir m_dir;
    DumpExcludedBuffer m_secrets{4096};
    DumpExcludedBuffer m_needles{4096 * 4};
    DumpExcludedBuffer m_fileText{KEY_FILE_BYTES};
    DumpExcludedBuffer m_scan{SCAN_CHUNK_BYTES};
    std::size_t m_secretsUsed = 0;
    std::vector<TestKey> m_chronyKeys;
    std::vector<TestKey> m_ntpKeys;
    std::vector<Span> m_needleSpans;   // in m_needles
    std::size_t m_needlesUsed = 0;
    std::vector<QString> m_needleNames;
    std::size_t m_longestNeedle = 0;
    qint64 m_bytesScanned = 0;
};

void TestSecretMemory::addKey(std::uint32_t id, KeyType type, std::size_t length, bool text)
{
    TestKey key{id, type, {m_secretsUsed, length}, text};
    char *bytes = m_secrets.data() + m_secretsUsed;
    QVERIFY(RAND_bytes(reinterpret_cast<unsigned char *>(bytes), int(length)) == 1);
    if (text) {   // letters and digits: valid in both formats, no comment or field separator
        const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (std::size_t i = 0; i < length; ++i)
            bytes[i] = alphabet[static_cast<unsigned char>(bytes[i]) % 62];
    }
    m_secretsUsed += length;
    (id < 100 ? m_chronyKeys : m_ntpKeys).push_back(key);

    // Every form the secret could take in memory: bytes, hex in both cases, each also as UTF-16.
    const auto add = [&](const QString &form, auto write) {
        const std::size_t at = m_needlesUsed;
        BufferWriter out(m_needles, at);
        write(out);
        QVERIFY(!out.overflowed());
        m_needleSpans.push_back({at, out.used() - at});
        m_needleNames.push_back(u"key %1 %2"_s.arg(id).arg(form));
        m_longestNeedle = std::max(m_longestNeedle, out.used() - at);
        m_needlesUsed = out.used();
    };
    add(u"bytes"_s, [&](BufferWriter &w) { w.raw(bytes, length, false); });
    add(u"bytes as UTF-16"_s, [&](BufferWriter &w) { w.raw(bytes, length, true); });
    add(u"lower-case hex"_s, [&](BufferWriter &w) { w.hex(bytes, length, false, false); });
    add(u"upper-case hex"_s, [&](BufferWriter &w) { w.hex(bytes, length, true, false); });
    add(u"lower-case hex as UTF-16"_s, [&](BufferWriter &w) { w.hex(bytes, length, false, true); });
    add(u"upper-case hex as UTF-16"_s, [&](BufferWriter &w) { w.hex(bytes, length, true, true); });
}

bool TestSecretMemory::writeTestKeyFile(const QString &path, const std::vector<TestKey> &keys, bool chrony)
{
    BufferWriter out(m_fileText);
    out.text(chrony ? "# chrony key file\n" : "# ntpd key file\n");
    for (const TestKey &key : keys) {
        out.text(QByteArray::number(key.id).constData());
        out.put(' ');
        out.text(typeName(key.type));
        out.put(' ');
        const QByteArrayView secret = secretOf(key);
        if (chrony)
            out.text(key.writtenAsText ? "ASCII:" : "HEX:");
        if (key.writtenAsText)
            out.raw(secret.data(), std::size_t(secret.size()), false);
        else
            out.hex(secret.data(), std::size_t(secret.size()), false, false);
        out.put('\n');
    }
    if (out.overflowed())
        return false;
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    const bool written = ::write(fd, m_fileText.data(), out.used()) == ssize_t(out.used());
    ::close(fd);
    OPENSSL_cleanse(m_fileText.data(), m_fileText.size());
    return written;
}

void TestSecretMemory::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const DumpExcludedBuffer *buffer : {&m_secrets, &m_needles, &m_fileText, &m_scan})
        QVERIFY2(buffer->isValid(), "cannot map MADV_DONTDUMP pages for the test");
    // chrony format (ids below 100): hex and ASCII keys; ntpd format: ASCII up to 20
    // characters, hex beyond.
    addKey(1, KeyType::Sha1, 20, false);
    addKey(2, KeyType::Aes128Cmac, 16, false);
    addKey(3, KeyType::Sha256, 24, true);
    addKey(4, KeyType::Aes256Cmac, 32, false);
    addKey(101, KeyType::Md5, 20, true);
    addKey(102, KeyType::Sha1, 20, false);
    addKey(103, KeyType::Aes128Cmac, 16, false);
    QVERIFY(writeTestKeyFile(m_dir.filePath(u"first.keys"_s), m_chronyKeys, true));
    QVERIFY(writeTestKeyFile(m_dir.filePath(u"second.keys"_s), m_ntpKeys, false));
}

QStringList TestSecretMemory::scanDumpableMemory()
{
    QStringList found;
    m_bytesScanned = 0;
    const int mem = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
    if (mem < 0)
        return {u"cannot open /proc/self/mem"_s};
    const std::size_t overlap = m_longestNeedle - 1;
    const chronoscope::testing::QuarantineState quarantine = chronoscope::testing::heapQuarantine();
    for (const MappedRegion &region : chronoscope::testing::readSmaps()) {
        if (!region.isReadable() || region.hasFlag("dd"))
            continue;
        quintptr end = region.end;
        if (region.contains(quarantine.start))   // the rest of the quarantine was never written
            end = std::min(end, quintptr(quarantine.start) + quintptr(quarantine.usedBytes));
        for (quintptr position = region.start; position < end;) {
            const std::size_t wanted = std::min<std::size_t>(m_scan.size(), end - position);
            const ssize_t got = ::pread(mem, m_scan.data(), wanted, off_t(position));
            if (got <= 0)
                break;   // [vvar] and [vsyscall] cannot be read this way; they hold no data of ours
            m_bytesScanned += got;
            for (std::size_t n = 0; n < m_needleSpans.size(); ++n) {
                const char *needle = m_needles.data() + m_needleSpans[n].offset;
                const std::size_t length = m_needleSpans[n].length;
                const char *from = m_scan.data();
                const char *last = m_scan.data() + got;
                while (const void *hit = ::memmem(from, std::size_t(last - from), needle, length)) {
                    const auto offset = quintptr(static_cast<const char *>(hit) - m_scan.data());
                    if (found.size() < 40)
                        found << u"%1 at 0x%2 in %3 %4 [%5]"_s.arg(m_needleNames[n])
                                     .arg(position + offset, 0, 16)
                                     .arg(QString::fromLatin1(region.permissions), QString::fromLatin1(region.name),
                                          QString::fromLatin1(region.vmFlags.join(' ')));
                    from = static_cast<const char *>(hit) + 1;
                }
            }
            if (std::size_t(got) < wanted || position + quintptr(got) >= end)
                break;
            position += quintptr(std::size_t(got) - overlap);   // a needle across the boundary is found next time
        }
    }
    ::close(mem);
    OPENSSL_cleanse(m_scan.data(), m_scan.size());
    return found;
}

void TestSecretMemory::theScanFindsACopyOnTheHeap()
{
    const QStringList before = scanDumpableMemory();
    QVERIFY2(before.isEmpty(), qPrintable(before.join(u'\n')));
    QVERIFY(m_bytesScanned > 1'000'000);   // the libraries, the heap and the stack at least
    const Span first = m_needleSpans[2];   // key 1 as lower-case hex
    QByteArray planted(qsizetype(first.length), Qt::Uninitialized);
    std::memcpy(planted.data(), m_needles.data() + first.offset, first.length);
    const QStringList leak = scanDumpableMemory();
    QCOMPARE(leak.size(), 1);
    QVERIFY2(leak[0].startsWith(u"key 1 lower-case hex at"_s), qPrintable(leak[0]));
    wipeBuffer(planted);
    const QStringList after = scanDumpableMemory();
    QVERIFY2(after.isEmpty(), qPrintable(after.join(u'\n')));

    // Freed without a wipe, in the quarantine: still found.
    chronoscope::testing::setHeapQuarantine(true);
    QByteArray dropped(qsizetype(first.length), Qt::Uninitialized);
    std::memcpy(dropped.data(), m_needles.data() + first.offset, first.length);
    auto *stalePlace = const_cast<char *>(dropped.constData());
    dropped = QByteArray();   // freed, not wiped
    chronoscope::testing::setHeapQuarantine(false);
    const QStringList stale = scanDumpableMemory();
    QCOMPARE(stale.size(), 1);
    OPENSSL_cleanse(stalePlace, first.length);   // the quarantine keeps it mapped: wipe what we left
    QVERIFY(scanDumpableMemory().isEmpty());
}

void TestSecretMemory::keyFilesLeaveNoCopyOutsideSecureMemory_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("chrony");
    QTest::newRow("chrony format, hex and ASCII") << u"first.keys"_s << true;
    QTest::newRow("ntpd format, ASCII and hex") << u"second.keys"_s << false;
}

void TestSecretMemory::keyFilesLeaveNoCopyOutsideSecureMemory()
{
    QFETCH(QString, file);
    QFETCH(bool, chrony);
    const std::vector<TestKey> &expected = chrony ? m_chronyKeys : m_ntpKeys;
    std::vector<const char *> blocks;
    {
        // The format is detected from the content, as for a file the user imports.
        chronoscope::testing::setHeapQuarantine(true);
        Result<KeyFileContents> contents = readKeyFile(m_dir.filePath(file), std::nullopt, true);
        QVERIFY2(contents, qPrintable(contents.errorMessage()));
        QVERIFY2(!contents->hasErrors(), qPrintable(contents->describeErrors()));
        QCOMPARE(contents->format, chrony ? KeyFileFormat::Chrony : KeyFileFormat::Ntp);
        QCOMPARE(contents->keys.size(), qsizetype(expected.size()));
        const QByteArray packet(48, '\x23');
        for (qsizetype i = 0; i < contents->keys.size(); ++i) {
            const SymmetricKey &key = contents->keys[i];
            const TestKey &want = expected[std::size_t(i)];
            QCOMPARE(key.id, want.id);
            QCOMPARE(key.type, want.type);
            const QByteArray &bytes = key.secret.reveal();
            QCOMPARE(bytes.size(), qsizetype(want.secret.length));
            QVERIFY(CRYPTO_memcmp(bytes.constData(), secretOf(want).data(), want.secret.length) == 0);
            QVERIFY(SecretArena::instance().isSecure(bytes.constData()));
            QVERIFY(chronoscope::testing::regionHolding(bytes.constData()).hasFlag("dd"));
            blocks.push_back(bytes.constData());
            // The key is used as the engine uses it, and gives the MAC its true bytes give.
            const Result<QByteArray> mac = computeWireMac(key.type, bytes, packet);
            const Result<QByteArray> reference = computeWireMac(want.type, secretOf(want), packet);
            QVERIFY2(mac && reference, qPrintable(mac ? reference.errorMessage() : mac.errorMessage()));
            QCOMPARE(mac->size(), qsizetype(wireMacLength(key.type)));
            QCOMPARE(*mac, *reference);
            QVERIFY(verifyWireMac(key.type, bytes, packet, *mac));
        }
        chronoscope::testing::setHeapQuarantine(false);
        const chronoscope::testing::QuarantineState quarantine = chronoscope::testing::heapQuarantine();
        QVERIFY(quarantine.allocations > 100);   // the parser's and OpenSSL's allocations were in it
        QVERIFY(!quarantine.exhausted);
        const QStringList whileInUse = scanDumpableMemory();
        QVERIFY2(whileInUse.isEmpty(), qPrintable(whileInUse.join(u'\n')));
    }
    // The keys are gone: their blocks are wiped, and still no copy anywhere else.
    for (std::size_t i = 0; i < blocks.size(); ++i)
        QVERIFY2(allZero(blocks[i], qsizetype(expected[i].secret.length)), "a released key block was not wiped");
    const QStringList afterwards = scanDumpableMemory();
    QVERIFY2(afterwards.isEmpty(), qPrintable(afterwards.join(u'\n')));
    QCOMPARE(SecretArena::instance().stats().heapFallbacks, 0);
}

// The key store written and read back (chrony format, as the GUI saves it) and the ntpd keys
// exported as key-file text.
void TestSecretMemory::savingAndExportingLeaveNoCopyOutsideSecureMemory()
{
    const QString storePath = m_dir.filePath(u"store/keys"_s);
    {
        chronoscope::testing::setHeapQuarantine(true);
        const Result<KeyFileContents> chrony = readKeyFile(m_dir.filePath(u"first.keys"_s), std::nullopt, true);
        const Result<KeyFileContents> ntp = readKeyFile(m_dir.filePath(u"second.keys"_s), std::nullopt, true);
        QVERIFY(chrony && ntp);
        KeyStore store(storePath);
        for (const SymmetricKey &key : chrony->keys)
            QVERIFY(!store.add(key));
        const std::optional<Error> saved = store.save();
        QVERIFY2(!saved, qPrintable(saved ? saved->message : QString()));
        KeyStore loaded(storePath);
        const std::optional<Error> failed = loaded.load();
        QVERIFY2(!failed, qPrintable(failed ? failed->message : QString()));
        for (const TestKey &want : m_chronyKeys) {
            const SymmetricKey *key = loaded.find(want.id);
            QVERIFY(key);
            QCOMPARE(key->secret.size(), qsizetype(want.secret.length));
            QVERIFY(CRYPTO_memcmp(key->secret.reveal().constData(), secretOf(want).data(), want.secret.length) == 0);
            QVERIFY(SecretArena::instance().isSecure(key->secret.reveal().constData()));
        }
        Result<QByteArray> exported = writeKeyFile(ntp->keys, KeyFileFormat::Ntp);
        QVERIFY2(exported, qPrintable(exported.errorMessage()));
        QVERIFY(exported->startsWith("# ntpd"));
        wipeBuffer(exported.value());
        chronoscope::testing::setHeapQuarantine(false);
        QVERIFY(!chronoscope::testing::heapQuarantine().exhausted);
        const QStringList whileInUse = scanDumpableMemory();
        QVERIFY2(whileInUse.isEmpty(), qPrintable(whileInUse.join(u'\n')));
    }
    const QStringList afterwards = scanDumpableMemory();
    QVERIFY2(afterwards.isEmpty(), qPrintable(afterwards.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestSecretMemory)
#include "tst_secretmemory.moc"
