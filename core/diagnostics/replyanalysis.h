// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QByteArray>
#include <QList>

#include "core/diagnostics/probeoutcome.h"

namespace chronoscope::diagnostics {

// Judges every datagram that came back for one probe request: decodes each, keeps the
// well-formed responses to our request, reassembles fragments, and counts the rest by reason.
// Pure functions of their input, so tests and the fuzzer drive them directly.

// Mode 6: replies to a READVAR request with `sequence`. `outcome` carries the request fields
// (request, requestBytes, refused); the reply fields are filled in.
void analyseControlReplies(const QList<QByteArray> &datagrams, std::uint16_t sequence, ProbeOutcome &outcome);

// Mode 7: replies to our MON_GETLIST_1 request.
void analysePrivateReplies(const QList<QByteArray> &datagrams, ProbeOutcome &outcome);

} // namespace chronoscope::diagnostics
