// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/correction/responseframereader.h"

#include <span>

#include "core/protocol/codec.h"
#include "core/protocol/names.h"

using namespace Qt::StringLiterals;

namespace chronoscope::correction {

void ResponseFrameReader::expect(std::uint64_t requestId)
{
    m_frame.clear();
    m_frame.reserve(qsizetype(protocol::RESPONSE_SIZE));
    m_requestId = requestId;
    m_awaiting = true;
    m_error.clear();
}

void ResponseFrameReader::reset()
{
    m_frame.clear();
    m_awaiting = false;
    m_error.clear();
}

qsizetype ResponseFrameReader::bytesWanted() const
{
    return m_awaiting ? qsizetype(protocol::RESPONSE_SIZE) - m_frame.size() : 0;
}

ResponseFrameReader::Progress ResponseFrameReader::feed(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return m_awaiting ? Progress::NeedMore : Progress::Invalid;
    if (bytes.size() > bytesWanted()) {
        return invalid(m_awaiting ? u"the helper sent more than one reply frame (%1 bytes too many)"_s.arg(
                                            bytes.size() - bytesWanted())
                                  : u"the helper sent %1 bytes nobody asked for"_s.arg(bytes.size()));
    }
    m_frame.append(bytes);
    if (m_frame.size() < qsizetype(protocol::RESPONSE_SIZE))
        return Progress::NeedMore;
    const protocol::DecodedResponse decoded = protocol::decodeResponse(
            std::span(reinterpret_cast<const std::uint8_t *>(m_frame.constData()), std::size_t(m_frame.size())));
    m_frame.clear();
    m_awaiting = false;
    if (decoded.error != protocol::DecodeError::None)
        return invalid(u"undecodable reply (%1)"_s.arg(QString::fromLatin1(protocol::decodeErrorName(decoded.error))));
    // A refusal of a frame the helper could not read carries request id 0.
    if (decoded.response.requestId != m_requestId && decoded.response.requestId != 0)
        return invalid(u"reply to another request"_s);
    m_response = decoded.response;
    return Progress::Replied;
}

ResponseFrameReader::Progress ResponseFrameReader::invalid(const QString &error)
{
    m_frame.clear();
    m_awaiting = false;
    m_error = error;
    return Progress::Invalid;
}

} // namespace chronoscope::correction
