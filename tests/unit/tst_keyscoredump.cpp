// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13: a `chronoscope-cli keys` command holds every secret of the key store, so it keeps
// itself out of core files (RLIMIT_CORE 0) and, on Linux, is not dumpable (no ptrace attach or
// /proc/PID/mem by the same user). Each case runs in a forked child, whose limits the test reads
// before it exits, so that the test process itself is left as it was.
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QTemporaryDir>
#include <QTest>

#include "app/cli/coredumpexclusion.h"
#include "app/cli/keyscommand.h"
#include "app/cli/keysoptions.h"

using namespace Qt::StringLiterals;

namespace {

// Runs `work` in a child; its exit status has bit 0 set when it is not dumpable, bit 1 when it
// may not write core files, bit 2 when `work` failed; -1 when the child did not exit normally.
template <typename Work>
int statusOfChild(Work work)
{
    const pid_t child = ::fork();
    if (child == 0) {
        const bool worked = work();
        rlimit core{};
        ::getrlimit(RLIMIT_CORE, &core);
        const int status = (::prctl(PR_GET_DUMPABLE) == 0 ? 1 : 0) | (core.rlim_cur == 0 && core.rlim_max == 0 ? 2 : 0)
            | (worked ? 0 : 4);
        ::_exit(status);
    }
    int status = 0;
    if (child < 0 || ::waitpid(child, &status, 0) != child || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

} // namespace

class TestKeysCoreDump : public QObject
{
    Q_OBJECT

private slots:
    void aFreshProcessIsDumpable();
    void exclusionTurnsDumpsOff();
    void keysCommandsExcludeThemselves();
};

// The baseline the other cases differ from: without the call, the child is dumpable (its core
// limit may already be 0 in this environment, so only the hard limit's change is checked below).
void TestKeysCoreDump::aFreshProcessIsDumpable()
{
    QCOMPARE(statusOfChild([] { return true; }) & (1 | 4), 0);
}

void TestKeysCoreDump::exclusionTurnsDumpsOff()
{
    QCOMPARE(statusOfChild([] { return chronoscope::cli::excludeFromCoreDumps(); }), 1 | 2);
}

// `keys list` on a store in a temporary directory: the command itself makes the exclusion.
void TestKeysCoreDump::keysCommandsExcludeThemselves()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString store = tmp.filePath(u"keys"_s);
    const int status = statusOfChild([&store] {
        const chronoscope::Result<chronoscope::cli::KeysOptions> options =
            chronoscope::cli::parseKeysArguments({u"list"_s, u"--store"_s, store});
        return options && chronoscope::cli::runKeys(*options) == 0;
    });
    QCOMPARE(status, 1 | 2);
}

QTEST_GUILESS_MAIN(TestKeysCoreDump)
#include "tst_keyscoredump.moc"
