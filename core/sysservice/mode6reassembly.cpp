// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/mode6reassembly.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

Result<bool> Mode6Reassembly::add(const diagnostics::ControlReply &fragment)
{
    if (m_complete)
        return Error{u"mode 6 fragment at offset %1 after the response was complete"_s.arg(fragment.offset)};
    const int offset = fragment.offset;
    const int size = int(fragment.data.size());
    const int end = offset + size;
    if (m_fragments.size() >= MAX_FRAGMENTS)
        return Error{u"more than %1 mode 6 fragments in one response"_s.arg(MAX_FRAGMENTS)};
    if (end > MAX_RESPONSE_BYTES || m_totalBytes + size > MAX_RESPONSE_BYTES)
        return Error{u"mode 6 response larger than %1 bytes (fragment at offset %2)"_s.arg(MAX_RESPONSE_BYTES).arg(offset)};
    if (m_end >= 0 && end > m_end)
        return Error{u"mode 6 fragment at offset %1 ends at %2, past the response end %3"_s.arg(offset).arg(end).arg(m_end)};
    if (!fragment.more) {
        if (m_end >= 0)
            return Error{u"a second final mode 6 fragment (offset %1)"_s.arg(offset)};
        for (const Piece &piece : std::as_const(m_fragments))
            if (piece.offset + int(piece.bytes.size()) > end)
                return Error{u"final mode 6 fragment ends at %1 but data reaches beyond it"_s.arg(end)};
        m_end = end;
    }
    const auto at = std::lower_bound(m_fragments.begin(), m_fragments.end(), offset,
                                     [](const Piece &piece, int value) { return piece.offset < value; });
    if (at != m_fragments.end() && (at->offset == offset || at->offset < end))
        return Error{u"mode 6 fragment at offset %1 overlaps the one at %2"_s.arg(offset).arg(at->offset)};
    if (at != m_fragments.begin()) {
        const Piece &before = *(at - 1);
        if (before.offset + int(before.bytes.size()) > offset)
            return Error{u"mode 6 fragment at offset %1 overlaps the one at %2"_s.arg(offset).arg(before.offset)};
    }
    m_fragments.insert(at, Piece{offset, fragment.data});
    m_totalBytes += size;
    m_complete = m_end >= 0 && coversEverything();
    return m_complete;
}

bool Mode6Reassembly::coversEverything() const
{
    int next = 0;
    for (const Piece &piece : m_fragments) {
        if (piece.offset != next)
            return false;
        next += int(piece.bytes.size());
    }
    return next == m_end;
}

QByteArray Mode6Reassembly::data() const
{
    QByteArray out;
    out.reserve(m_totalBytes);
    for (const Piece &piece : m_fragments)
        out.append(piece.bytes);
    return out;
}

} // namespace chronoscope::sysservice
