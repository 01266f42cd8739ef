// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/timeserviceconfigurator.h"

#include <QRandomGenerator>

#include "core/sysservice/timeservicehelper.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

namespace ts = protocol::timeservice;

TimeServiceConfigurator::TimeServiceConfigurator(TimeServiceHelper *helper, QObject *parent)
    : QObject(parent)
    , m_helper(helper)
    , m_ticker(this)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, [this] { emit progress(int(m_elapsed.elapsed() / 1000)); });
    connect(m_helper, &TimeServiceHelper::replied, this, &TimeServiceConfigurator::onReplied);
    connect(m_helper, &TimeServiceHelper::failed, this, &TimeServiceConfigurator::onFailed);
}

TimeServiceConfigurator::~TimeServiceConfigurator() = default;

TimeServiceOutcome TimeServiceConfigurator::blankOutcome() const
{
    TimeServiceOutcome outcome;
    outcome.op = m_op;
    outcome.daemon = m_daemon;
    return outcome;
}

void TimeServiceConfigurator::apply(const TimeServicePlan &plan, bool dryRun)
{
    if (m_running)
        return;
    m_op = ts::Op::ApplySources;
    m_daemon = plan.daemon;
    m_serverNames = plan.serverNames;
    if (!plan.ok()) {
        // What the helper would refuse never reaches it (nor a password prompt). Still
        // asynchronous, like every other outcome.
        TimeServiceOutcome outcome = blankOutcome();
        outcome.result = TimeServiceOutcome::Result::Refused;
        outcome.reason = quint16(plan.refusal.sourceError);
        outcome.server = plan.refusal.server;
        outcome.detail = timeServiceRefusalText(plan.refusal, plan.daemon);
        m_running = true;
        QTimer::singleShot(0, this, [this, outcome] { finish(outcome); });
        return;
    }
    ts::Request request;
    request.op = ts::Op::ApplySources;
    request.daemon = plan.daemon;
    request.servers = plan.servers;
    start(request, dryRun);
}

void TimeServiceConfigurator::revert(TimeServiceDaemon daemon, bool dryRun)
{
    if (m_running)
        return;
    m_op = ts::Op::RevertSources;
    m_daemon = daemon;
    m_serverNames.clear();
    ts::Request request;
    request.op = ts::Op::RevertSources;
    request.daemon = daemon;
    start(request, dryRun);
}

void TimeServiceConfigurator::start(const ts::Request &request, bool dryRun)
{
    m_running = true;
    m_requestId = QRandomGenerator::global()->generate64() | 1u;
    ts::Request numbered = request;
    numbered.requestId = m_requestId;
    m_elapsed.start();
    m_ticker.start();
    emit progress(0);
    m_helper->open(dryRun);
    m_helper->send(numbered);
}

void TimeServiceConfigurator::onReplied(const ts::Response &response)
{
    if (!m_running)
        return;
    TimeServiceOutcome outcome = blankOutcome();
    if (response.op != m_op || response.requestId != m_requestId) {
        outcome.result = TimeServiceOutcome::Result::Failed;
        outcome.helperError = correction::HelperError::BadReply;
        outcome.detail = u"the helper answered another request"_s;
        finish(outcome);
        return;
    }
    outcome.answered = true;
    outcome.status = response.status;
    outcome.result = timeServiceResultFor(m_op, response.status);
    outcome.sysErrno = response.sysErrno;
    outcome.reason = response.reason;
    if (response.status == ts::Status::InvalidSource)
        outcome.server = m_serverNames.value(response.serverIndex);
    outcome.backup = response.backup;
    outcome.sourcesSeen = response.sourcesSeen;
    outcome.reachable = response.reachable;
    outcome.dryRun = (response.flags & ts::RESPONSE_DRY_RUN) != 0;
    outcome.testRoot = (response.flags & ts::RESPONSE_TEST_ROOT) != 0;
    finish(outcome);
}

void TimeServiceConfigurator::onFailed(correction::HelperError error, const QString &detail)
{
    if (!m_running)
        return;
    TimeServiceOutcome outcome = blankOutcome();
    outcome.helperError = error;
    outcome.result = timeServiceResultFor(error);
    outcome.detail = detail;
    finish(outcome);
}

void TimeServiceConfigurator::finish(TimeServiceOutcome outcome)
{
    if (!m_running)
        return;
    m_running = false;
    m_ticker.stop();
    if (outcome.answered || outcome.helperError) {
        m_helper->close();
        if (outcome.detail.isEmpty() && !outcome.succeeded())
            outcome.detail = m_helper->diagnostics().trimmed();
    }
    emit finished(outcome);
}

} // namespace chronoscope::sysservice
