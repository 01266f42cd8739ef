// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/serverdetailpane.h"

#include <cmath>

#include <QDateTime>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

#include "core/engine/localclock.h"
#include "core/report/humanformat.h"
#include "ui/models/filterstagemodel.h"
#include "ui/ntstext.h"
#include "core/texts/reasontexts.h"
#include "ui/statecolors.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {
namespace {

struct TestRow
{
    const char *title;       // untranslated (QT_TR_NOOP)
    QStringList reasonIds;   // reject reasons that mean this test failed
};

QString ntpTimeText(ntp::NtpTimestamp ts)
{
    if (ts.isZero())
        return u"–"_s;
    const double unix = engine::LocalClock::toUnixSeconds(ts);
    const double whole = std::floor(unix);
    const qint64 nanos = qint64(std::llround((unix - whole) * 1e9));
    const QString base = QDateTime::fromSecsSinceEpoch(qint64(whole), Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss"_s);
    return u"%1.%2 UTC <span style='opacity:0.6'>(0x%3)</span>"_s.arg(base)
        .arg(nanos, 9, 10, QLatin1Char('0'))
        .arg(ts.raw(), 16, 16, QLatin1Char('0'));
}

QString row(const QString &label, const QString &value)
{
    return u"<tr><td style='padding-right:14px'><b>%1</b></td><td>%2</td></tr>"_s.arg(label.toHtmlEscaped(), value);
}

} // namespace

ServerDetailPane::ServerDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_fields(new QLabel(this))
    , m_timestamps(new QLabel(this))
    , m_tests(new QLabel(this))
    , m_rejections(new QLabel(this))
    , m_nts(new QLabel(this))
    , m_stageView(new QTableView(this))
    , m_stages(new FilterStageModel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    for (QLabel *label : {m_fields, m_timestamps, m_tests, m_rejections, m_nts}) {
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        label->setWordWrap(true);
    }
    m_stageView->setModel(m_stages);
    m_stageView->verticalHeader()->hide();
    m_stageView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_stageView->setSelectionMode(QAbstractItemView::NoSelection);
    m_stageView->setAlternatingRowColors(true);
    m_stageView->setAccessibleName(tr("Clock filter samples"));
    m_stageView->verticalHeader()->setDefaultSectionSize(m_stageView->fontMetrics().height() + 8);
    m_stageView->setFixedHeight(m_stageView->verticalHeader()->defaultSectionSize() * ntp::NSTAGE
                                + m_stageView->horizontalHeader()->sizeHint().height() + 2 * m_stageView->frameWidth());
    m_stageView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto group = [this](const QString &title, QWidget *content) {
        auto *box = new QGroupBox(title, this);
        auto *layout = new QVBoxLayout(box);
        layout->addWidget(content);
        return box;
    };
    auto *content = new QWidget(this);
    auto *grid = new QGridLayout(content);
    grid->addWidget(m_title, 0, 0, 1, 2);
    grid->addWidget(group(tr("Server"), m_fields), 1, 0);
    grid->addWidget(group(tr("Clock filter: the last 8 samples"), m_stageView), 1, 1);
    grid->addWidget(group(tr("Last exchange (T1–T4)"), m_timestamps), 2, 0);
    grid->addWidget(group(tr("Tests on the last reply"), m_tests), 2, 1);
    grid->addWidget(group(tr("Rejected replies and kiss-o'-death"), m_rejections), 3, 0, 1, 2);
    m_ntsBox = group(tr("Network Time Security: who vouches for this time"), m_nts);
    grid->addWidget(m_ntsBox, 4, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(5, 1);
    for (QGroupBox *box : content->findChildren<QGroupBox *>())
        box->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    showServer(std::nullopt, 0);
}

QString ServerDetailPane::headerHtml(const engine::ServerStatus &s) const
{
    QString html = u"<table>"_s;
    //: %1 address, %2 port
    html += row(tr("Address"), tr("%1 port %2").arg(s.address.isEmpty() ? u"–"_s : s.address).arg(s.port));
    html += row(tr("Stratum"), s.stratum >= 0 ? QString::number(s.stratum) : u"–"_s);
    html += row(tr("Reference id"), s.refid.isEmpty() ? u"–"_s : s.refid.toHtmlEscaped());
    QString leap;
    switch (s.leap) {
    case ntp::LeapIndicator::NoWarning: leap = tr("no leap second pending"); break;
    case ntp::LeapIndicator::AddSecond: leap = tr("leap second to be inserted"); break;
    case ntp::LeapIndicator::DeleteSecond: leap = tr("leap second to be deleted"); break;
    case ntp::LeapIndicator::Unsynchronized: leap = tr("server unsynchronised"); break;
    }
    html += row(tr("Leap indicator"), leap);
    if (s.lastMeasurement) {
        html += row(tr("Root delay"), report::formatSeconds(s.lastMeasurement->rootDelay));
        html += row(tr("Root dispersion"), report::formatSeconds(s.lastMeasurement->rootDispersion));
    }
    html += row(tr("Root distance λ"), report::formatSeconds(s.rootDistance));
    if (s.filter && s.filter->validStages > 0)
        html += row(tr("Offset ± jitter"), u"%1 ± %2"_s.arg(report::formatSeconds(s.filter->offset, true),
                                                             report::formatSeconds(s.filter->jitter)));
    html += row(tr("Poll interval"), report::formatAge(std::ldexp(1.0, s.pollLog2)));
    html += row(tr("Requests"), tr("%1 sent, %2 accepted, %3 without reply").arg(s.requestsSent).arg(s.repliesAccepted).arg(s.timeouts));
    html += row(tr("Receive timestamps"), s.kernelTimestamps ? tr("kernel (SO_TIMESTAMPNS)") : tr("user space"));
    if (s.drift && s.drift->meaningful)
        html += row(tr("Frequency"), tr("%1 ppm ± %2 ppm").arg(QString::number(s.drift->freqPpm, 'f', 2),
                                                             QString::number(s.drift->skewPpm, 'f', 2)));
    return html + u"</table>"_s;
}

std::optional<ServerDetailPane::LastOutcome> ServerDetailPane::lastOutcome(const engine::ServerStatus &s)
{
    std::optional<LastOutcome> latest;
    const auto consider = [&latest](const LastOutcome &candidate) {
        if (candidate.time > 0 && (!latest || candidate.time >= latest->time))
            latest = candidate;
    };
    if (s.lastMeasurement)
        consider({s.lastReplyTime, true, false, {}, {}, {}});
    consider({s.lastRejectionTime, false, false, s.lastRejectionId, s.lastRejectionDetail, {}});
    if (const auto &failure = s.lastFailure)
        consider({failure->time, false, failure->timedOut, failure->reasonId, failure->detail, failure->detailCode});
    return latest;
}

QString ServerDetailPane::testsHtml(const std::optional<LastOutcome> &event) const
{
    if (!event)
        return tr("No reply yet.");
    const QString detail = texts::ReasonTexts::text(event->detailCode, event->detail);
    if (event->timedOut)
        return tr("No reply to the last request (%1): no tests were run.")
            .arg((detail.isEmpty() ? texts::ReasonTexts::rejectText(event->reasonId) : detail).toHtmlEscaped());
    static const QList<TestRow> tests{
        {QT_TR_NOOP("Reply comes from the server's address and port"), {u"wrong_source"_s}},
        {QT_TR_NOOP("Well-formed NTP server reply"), {u"malformed"_s, u"wrong_mode"_s}},
        {QT_TR_NOOP("Answers a request we sent"), {u"not_requested"_s}},
        {QT_TR_NOOP("Test 2: origin timestamp is our request's"), {u"bogus_origin"_s}},
        {QT_TR_NOOP("Test 1: not a duplicate"), {u"duplicate"_s}},
        {QT_TR_NOOP("Test 3: no zero timestamps"), {u"zero_timestamp"_s}},
        {QT_TR_NOOP("No kiss-o'-death"), {u"kiss_of_death"_s}},
        {QT_TR_NOOP("Test 6: synchronised, stratum 1–15"), {u"unsynchronized"_s, u"stratum_zero"_s, u"stratum_16"_s}},
        {QT_TR_NOOP("Test 7: root distance below 16 s"), {u"root_distance"_s}},
        {QT_TR_NOOP("Server timestamps consistent"), {u"server_time_reversed"_s}},
        {QT_TR_NOOP("Round-trip delay within the limit"), {u"excessive_delay"_s}},
    };
    const QPalette pal = palette();
    const QString good = severityColor(report::Severity::Good, pal).name();
    const QString bad = severityColor(report::Severity::Bad, pal).name();
    const bool accepted = event->accepted;
    bool failedAlready = false;
    QString html = u"<table>"_s;
    for (const TestRow &test : tests) {
        QString mark;
        if (accepted) {
            mark = u"<span style='color:%1'>✔</span>"_s.arg(good);
        } else if (failedAlready) {
            mark = u"<span style='opacity:0.5'>–</span>"_s;
        } else if (test.reasonIds.contains(event->reasonId)) {
            mark = u"<span style='color:%1'>✘</span>"_s.arg(bad);
            failedAlready = true;
        } else {
            mark = u"<span style='color:%1'>✔</span>"_s.arg(good);
        }
        html += u"<tr><td style='padding-right:8px'>%1</td><td>%2</td></tr>"_s.arg(mark, tr(test.title).toHtmlEscaped());
    }
    html += u"</table>"_s;
    const QString when = QDateTime::fromMSecsSinceEpoch(qint64(event->time * 1000)).toString(u"HH:mm:ss"_s);
    if (accepted)
        html += u"<p>"_s + tr("Reply at %1 accepted.").arg(when) + u"</p>"_s;
    else
        html += u"<p>"_s + tr("Reply at %1 rejected: %2").arg(when, texts::ReasonTexts::rejectText(event->reasonId).toHtmlEscaped())
            + (detail.isEmpty() ? QString() : u" (%1)"_s.arg(detail.toHtmlEscaped())) + u"</p>"_s;
    return html;
}

void ServerDetailPane::showServer(const std::optional<engine::ServerStatus> &status, double now)
{
    if (!status) {
        m_serverId = -1;
        m_title->setText(tr("Select a server in the table to see its details."));
        m_fields->clear();
        m_timestamps->clear();
        m_tests->clear();
        m_rejections->clear();
        m_nts->clear();
        m_ntsBox->setVisible(false);
        m_stages->clear();
        return;
    }
    const engine::ServerStatus &s = *status;
    m_serverId = s.id;
    m_title->setText(s.reason.isEmpty() ? tr("%1 — %2").arg(s.name, stateName(s.state))
                                        : tr("%1 — %2: %3").arg(s.name, stateName(s.state),
                                                                texts::ReasonTexts::text(s.reasonCode, s.reason)));
    m_fields->setText(headerHtml(s));
    m_stages->setStatus(s, now);
    if (s.lastMeasurement) {
        const ntp::ExchangeTimestamps &ts = s.lastMeasurement->timestamps;
        QString html = u"<table>"_s;
        html += row(tr("T1 request sent (local)"), ntpTimeText(ts.t1));
        html += row(tr("T2 request received (server)"), ntpTimeText(ts.t2));
        html += row(tr("T3 reply sent (server)"), ntpTimeText(ts.t3));
        html += row(tr("T4 reply received (local)"), ntpTimeText(ts.t4));
        html += row(tr("Offset ((T2−T1)+(T3−T4))/2"), report::formatSeconds(s.lastMeasurement->offset, true));
        html += row(tr("Delay (T4−T1)−(T3−T2)"), report::formatSeconds(s.lastMeasurement->delay));
        m_timestamps->setText(html + u"</table>"_s);
    } else {
        m_timestamps->setText(tr("No reply accepted yet."));
    }
    m_tests->setText(testsHtml(lastOutcome(s)));
    QString rejections;
    if (s.rejections.isEmpty()) {
        rejections = tr("No reply was rejected.");
    } else {
        rejections = u"<table>"_s;
        for (auto it = s.rejections.cbegin(); it != s.rejections.cend(); ++it)
            rejections += row(texts::ReasonTexts::rejectText(it.key()), QString::number(it.value()));
        rejections += u"</table>"_s;
    }
    if (!s.lastKiss.isEmpty())
        rejections += u"<p>"_s + tr("Last kiss-o'-death code: <b>%1</b>").arg(s.lastKiss.toHtmlEscaped()) + u"</p>"_s;
    else
        rejections += u"<p>"_s + tr("No kiss-o'-death received.") + u"</p>"_s;
    m_rejections->setText(rejections);
    m_ntsBox->setVisible(s.nts.has_value());
    m_nts->setText(s.nts ? NtsText::detailHtml(s, QDateTime::currentDateTimeUtc()) : QString());
}

QString ServerDetailPane::ntsText() const
{
    return m_nts->text();
}

QString ServerDetailPane::titleText() const
{
    return m_title->text();
}

QString ServerDetailPane::testsText() const
{
    return m_tests->text();
}

QString ServerDetailPane::rejectionsText() const
{
    return m_rejections->text();
}

QString ServerDetailPane::timestampsText() const
{
    return m_timestamps->text();
}

} // namespace chronoscope::ui
