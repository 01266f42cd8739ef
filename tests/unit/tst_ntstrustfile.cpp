// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's list of extra NTS certificate authorities (core/config/ntstrustfile): round trip,
// missing file, comments, and bounded hostile content refused with file:line.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/config/ntstrustfile.h"

using namespace Qt::StringLiterals;
using chronoscope::config::NtsTrustFile;

class TestNtsTrustFile : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString write(const QByteArray &content)
    {
        const QString path = m_dir.filePath(u"nts-ca"_s);
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(content);
        return path;
    }

private slots:
    void missingFileIsEmpty()
    {
        const auto loaded = NtsTrustFile(m_dir.filePath(u"none"_s)).load();
        QVERIFY(loaded.ok());
        QVERIFY(loaded->isEmpty());
    }

    void roundTrip()
    {
        const NtsTrustFile file(m_dir.filePath(u"sub/nts-ca"_s));
        const QStringList paths{u"/etc/ssl/private-ca/ca.pem"_s, u"/srv/cas"_s};
        QVERIFY(!file.save(paths));
        const auto loaded = file.load();
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorMessage()));
        QCOMPARE(*loaded, paths);
        QVERIFY(!file.save({}));
        QVERIFY(file.load()->isEmpty());
    }

    void commentsAndBlanksAreSkipped()
    {
        const auto loaded = NtsTrustFile(write("# mine\n\n  /a/ca.pem  \n")).load();
        QVERIFY(loaded.ok());
        QCOMPARE(*loaded, QStringList{u"/a/ca.pem"_s});
    }

    void hostileContentIsRefused()
    {
        auto loaded = NtsTrustFile(write("/ok.pem\nrelative/ca.pem\n")).load();
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.errorMessage().contains(u"nts-ca:2:"_s), qPrintable(loaded.errorMessage()));
        QByteArray many;
        for (int i = 0; i < NtsTrustFile::MAX_PATHS + 1; ++i)
            many += "/ca" + QByteArray::number(i) + ".pem\n";
        loaded = NtsTrustFile(write(many)).load();
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.errorMessage().contains(u"more than 16"_s), qPrintable(loaded.errorMessage()));
        loaded = NtsTrustFile(write(QByteArray(NtsTrustFile::MAX_FILE_SIZE + 10, 'a'))).load();
        QVERIFY(!loaded.ok());
        QVERIFY(loaded.errorMessage().contains(u"longer than"_s));
        const NtsTrustFile file(m_dir.filePath(u"w"_s));
        QVERIFY(file.save({u"relative"_s}).has_value());
        QVERIFY(file.save({u"/a\n/b"_s}).has_value());
    }

    void problemWithNamesThePath()
    {
        QVERIFY(NtsTrustFile::problemWith(u"/nonexistent/ca.pem"_s).contains(u"/nonexistent/ca.pem"_s));
        QVERIFY(NtsTrustFile::problemWith(m_dir.path()).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestNtsTrustFile)
#include "tst_ntstrustfile.moc"
