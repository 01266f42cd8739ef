// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/stepcommand.h"

#include <cstdio>
#include <iostream>
#include <string>

#include <unistd.h>

#include <QEventLoop>

#include "app/cli/oneshotmeasurement.h"
#include "app/cli/stepreport.h"
#include "app/cli/textreport.h"
#include "core/correction/clockcorrector.h"
#include "core/correction/correctionpolicy.h"
#include "core/correction/clockhelperfactory.h"
#include "core/correction/timeservices.h"
#include "core/engine/localclock.h"
#include "core/report/humanformat.h"

using namespace Qt::StringLiterals;

namespace chronoscope::cli {
namespace {

void print(FILE *stream, const QString &text)
{
    if (text.isEmpty())
        return;
    const QByteArray bytes = (text + u'\n').toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fflush(stream);
}

correction::CorrectionProposal proposalFor(const OneShotMeasurement &m)
{
    return correction::proposeCorrection(m.system, correction::majorityOf(m.servers));
}

// Asks on the terminal; never when stdin is not a terminal (scripts must say --yes).
bool ask(const QString &question, const QString &expected)
{
    if (!isatty(STDIN_FILENO))
        return false;
    std::fputs(question.toUtf8().constData(), stdout);
    std::fflush(stdout);
    std::string answer;
    if (!std::getline(std::cin, answer))
        return false;
    return QString::fromStdString(answer).trimmed().compare(expected, Qt::CaseInsensitive) == 0;
}

// How many confirmations the user gave, up to what the proposal needs.
int confirm(const CliOptions &options, const correction::CorrectionProposal &p)
{
    int given = 0;
    if (p.confirmationsNeeded >= 1) {
        if (options.yes || ask(u"Step the clock %1 by %2? [y/N] "_s.arg(p.offset >= 0 ? u"forward"_s : u"back"_s,
                                                                          report::formatSeconds(p.offset, true)),
                               u"y"_s))
            ++given;
        else
            return given;
    }
    if (p.confirmationsNeeded >= 2) {
        if (options.yesVeryLarge
            || ask(u"That is more than an hour, which usually means a wrong time zone or a broken server. "
                   "Type 'yes' to step anyway: "_s, u"yes"_s))
            ++given;
    }
    return given;
}

} // namespace

int runStep(const CliOptions &options)
{
    OneShotMeasurement measurement = measureOnce(options);
    print(stdout, formatCheckReport(measurement.servers, measurement.system, engine::LocalClock::nowUnixSeconds()));
    const correction::CorrectionProposal proposal = proposalFor(measurement);
    if (!proposal.isCorrection()) {
        print(stdout, describeNoCorrection(proposal, measurement.system));
        return proposal.noCorrection == correction::NoCorrectionReason::WithinErrorBound ? 0 : 1;
    }
    print(stdout, describeProposal(proposal));
    print(stderr, describeTimeServices(correction::detectTimeServices()));

    const int confirmations = confirm(options, proposal);
    if (confirmations < proposal.confirmationsNeeded) {
        print(stdout, confirmations == 0
                      ? u"Cancelled: a step needs confirmation; run again with --yes to step without asking."_s
                      : u"Cancelled: a step of more than an hour needs --yes-very-large as well."_s);
        return 1;
    }

    // pkexec on Linux, the helper service's pipe or socket on Windows and macOS.
    const std::unique_ptr<correction::ClockHelper> helper = correction::createClockHelper();
    correction::ClockCorrector corrector(helper.get());
    correction::CorrectionOutcome outcome;
    QEventLoop loop;
    QObject::connect(&corrector, &correction::ClockCorrector::freshMeasurementNeeded, &loop, [&] {
        // The password prompt took a while: measure again before anything is applied.
        print(stdout, u"Measuring again (the first measurement is too old now)…"_s);
        measurement = measureOnce(options);
        corrector.provideFreshMeasurement(proposalFor(measurement), measurement.monotonicNs);
    });
    QObject::connect(&corrector, &correction::ClockCorrector::finished, &loop,
                     [&](const correction::CorrectionOutcome &o) {
                         outcome = o;
                         loop.quit();
                     });
    corrector.start(proposal, measurement.monotonicNs, confirmations, options.dryRun);
    if (corrector.isRunning())
        loop.exec();
    // The helper's audit lines (also in the system log), so the user sees what it recorded.
    print(stderr, helper->diagnostics().trimmed());
    print(outcome.result == correction::CorrectionOutcome::Result::Applied
                  || outcome.result == correction::CorrectionOutcome::Result::DryRun
                  ? stdout : stderr,
          describeOutcome(outcome));

    using Result = correction::CorrectionOutcome::Result;
    if (outcome.result != Result::Applied && outcome.result != Result::DryRun)
        return 1;
    if (outcome.changedClock()) {
        if (outcome.kind == correction::CorrectionKind::Slew) {
            print(stdout, u"The slew takes about %1; measure again later to verify it."_s.arg(
                                  report::formatAge(std::abs(outcome.applied) * 2000.0)));
        } else {
            print(stdout, u"Verifying with a fresh measurement…"_s);
            print(stdout, describeVerification(measureOnce(options).system));
        }
    }
    return 0;
}

} // namespace chronoscope::cli
