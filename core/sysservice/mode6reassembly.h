// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "core/diagnostics/controlmessage.h"

namespace chronoscope::sysservice {

// Puts the fragments of one mode 6 response back together (RFC 9327 §3: each fragment carries
// its byte offset; the last one has the M bit clear). Bounded: at most MAX_FRAGMENTS fragments
// and MAX_RESPONSE_BYTES bytes in all; a fragment that overlaps another, repeats one, lies beyond
// the end the final fragment announced, or arrives after the response is complete is refused
// with an Error naming the offending offset. Nothing is allocated beyond the bounds.
class Mode6Reassembly
{
public:
    static constexpr int MAX_FRAGMENTS = 64;
    static constexpr int MAX_RESPONSE_BYTES = 32 * 1024;

    // Adds one decoded fragment (its sequence, opcode and association already matched).
    // Returns true when the response is complete (every byte from 0 to the end present).
    Result<bool> add(const diagnostics::ControlReply &fragment);
    bool isComplete() const { return m_complete; }
    // The whole response data; valid once isComplete().
    QByteArray data() const;
    int fragmentCount() const { return int(m_fragments.size()); }

private:
    struct Piece
    {
        int offset = 0;
        QByteArray bytes;
    };

    bool coversEverything() const;

    QList<Piece> m_fragments;   // sorted by offset, never overlapping
    int m_totalBytes = 0;
    int m_end = -1;             // end offset announced by the final fragment; -1 until it arrives
    bool m_complete = false;
};

} // namespace chronoscope::sysservice
