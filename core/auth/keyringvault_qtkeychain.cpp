// SPDX-License-Identifier: GPL-3.0-or-later
// KeyringVault through QtKeychain (built when CMake finds Qt6Keychain).
#include "core/auth/keyringvault.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace chronoscope::auth {
namespace {

constexpr int KEYRING_TIMEOUT_MS = 15000; // a keyring may prompt the user to unlock it

// Runs `job` to completion in a local event loop; false when it did not finish in time.
bool runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(KEYRING_TIMEOUT_MS, &loop, &QEventLoop::quit);
    job.start();
    if (!done)
        loop.exec();
    return done;
}

QString describe(const QKeychain::Job &job)
{
    return job.errorString().isEmpty() ? u"keyring error %1"_s.arg(int(job.error())) : job.errorString();
}

} // namespace

bool KeyringVault::isCompiledIn()
{
    return true;
}

Result<SecretBytes> KeyringVault::read(std::uint32_t id) const
{
    QKeychain::ReadPasswordJob job(QString::fromLatin1(SERVICE));
    job.setInsecureFallback(false);
    job.setKey(entryName(id));
    if (!runJob(job))
        return Error{u"the system keyring did not answer within %1 s"_s.arg(KEYRING_TIMEOUT_MS / 1000)};
    if (job.error() != QKeychain::NoError)
        return Error{u"cannot read key %1 from the system keyring: %2"_s.arg(id).arg(describe(job))};
    return SecretBytes(job.binaryData());
}

std::optional<Error> KeyringVault::write(std::uint32_t id, const SecretBytes &secret) const
{
    QKeychain::WritePasswordJob job(QString::fromLatin1(SERVICE));
    job.setInsecureFallback(false);
    job.setKey(entryName(id));
    // A copy of its own for the job (reveal() points into secure memory), wiped once the job has
    // finished with it; what QtKeychain and D-Bus copy further is beyond our reach.
    QByteArray data(secret.reveal().constData(), secret.size());
    job.setBinaryData(data);
    const bool answered = runJob(job);
    job.setBinaryData(QByteArray());
    wipeBuffer(data);
    if (!answered)
        return Error{u"the system keyring did not answer within %1 s"_s.arg(KEYRING_TIMEOUT_MS / 1000)};
    if (job.error() != QKeychain::NoError)
        return Error{u"cannot store key %1 in the system keyring: %2"_s.arg(id).arg(describe(job))};
    return std::nullopt;
}

std::optional<Error> KeyringVault::remove(std::uint32_t id) const
{
    QKeychain::DeletePasswordJob job(QString::fromLatin1(SERVICE));
    job.setInsecureFallback(false);
    job.setKey(entryName(id));
    if (!runJob(job))
        return Error{u"the system keyring did not answer within %1 s"_s.arg(KEYRING_TIMEOUT_MS / 1000)};
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return Error{u"cannot delete key %1 from the system keyring: %2"_s.arg(id).arg(describe(job))};
    return std::nullopt;
}

} // namespace chronoscope::auth
