// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include "core/diagnostics/probeoutcome.h"

namespace chronoscope::diagnostics {

// The overall finding of an exposure probe, worst first in the order a reader cares about.
enum class ExposureVerdict {
    NotProbed,        // the probe could not run or reach the server (DNS, socket, no route)
    PortClosed,       // ICMP port unreachable: nothing listens on that port
    NoAnswer,         // neither request was answered within the window
    ErrorRepliesOnly, // only error responses: an ntpd that listens, but hardly amplifies
    AnswersMode6,     // mode 6 READVAR answered with data: a reflector for control queries
    AnswersMonlist,   // mode 7 monlist answered with data (CVE-2013-5211): a strong amplifier
};

// Result of probing one server the user named, with one mode 6 and one mode 7 request.
struct ExposureFindings
{
    QString target;               // as the user typed it (HOST[:PORT])
    QString host;                 // host part
    QString address;              // the single address probed (empty when none)
    quint16 port = 123;
    int addressesFound = 0;       // addresses the name resolved to; only the first is probed
    double windowSeconds = 0;     // how long replies were collected after sending
    QString error;                // why the probe could not run (empty when it ran)
    ProbeOutcome mode6;           // READVAR
    ProbeOutcome mode7;           // MON_GETLIST_1
    ExposureVerdict verdict = ExposureVerdict::NotProbed;
    QString summary;              // one paragraph in words
    QStringList advice;           // what to do, most important first
};

// Fills verdict, summary and advice from the probe's measurements.
void assessExposure(ExposureFindings &findings);

// "not_probed", "port_closed", "no_answer", "error_replies_only", "answers_mode6",
// "answers_monlist" (the JSON vocabulary).
QString exposureVerdictId(ExposureVerdict verdict);

} // namespace chronoscope::diagnostics

Q_DECLARE_METATYPE(chronoscope::diagnostics::ExposureFindings)
