// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/timeserviceframereader.h"

#include <span>

#include "core/protocol/timeservicecodec.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

namespace ts = protocol::timeservice;

namespace {

std::span<const std::uint8_t> bytesOf(const QByteArray &data)
{
    return {reinterpret_cast<const std::uint8_t *>(data.constData()), std::size_t(data.size())};
}

} // namespace

void TimeServiceFrameReader::expect(std::uint64_t requestId)
{
    reset();
    m_requestId = requestId;
    m_awaiting = true;
}

void TimeServiceFrameReader::reset()
{
    m_frame.clear();
    m_frameSize = 0;
    m_error.clear();
    m_awaiting = false;
}

qsizetype TimeServiceFrameReader::bytesWanted() const
{
    if (!m_awaiting)
        return 0;
    const qsizetype target = m_frameSize > 0 ? m_frameSize : qsizetype(ts::RESPONSE_HEADER_SIZE);
    return target - m_frame.size();
}

TimeServiceFrameReader::Progress TimeServiceFrameReader::invalid(const QString &error)
{
    reset();
    m_error = error;
    return Progress::Invalid;
}

TimeServiceFrameReader::Progress TimeServiceFrameReader::feed(QByteArrayView bytes)
{
    if (!m_awaiting)
        return invalid(u"the helper sent %1 bytes nobody asked for"_s.arg(bytes.size()));
    if (bytes.size() > bytesWanted())
        return invalid(u"the helper sent more than one reply"_s);
    m_frame.append(bytes);
    if (bytesWanted() > 0)
        return Progress::NeedMore;
    if (m_frameSize == 0) {
        const ts::FrameHeader header = ts::decodeResponseHeader(bytesOf(m_frame));
        if (header.error != protocol::DecodeError::None)
            return invalid(u"the helper's reply header does not decode"_s);
        if (header.requestId != m_requestId)
            return invalid(u"the helper answered another request"_s);
        // decodeResponseHeader bounded bodyLength by MAX_RESPONSE_BODY.
        m_frameSize = qsizetype(ts::RESPONSE_HEADER_SIZE + header.bodyLength);
        if (bytesWanted() > 0)
            return Progress::NeedMore;
    }
    const ts::DecodedResponse decoded = ts::decodeResponse(bytesOf(m_frame));
    if (decoded.error != protocol::DecodeError::None)
        return invalid(u"the helper's reply does not decode"_s);
    if (decoded.response.requestId != m_requestId)
        return invalid(u"the helper answered another request"_s);
    m_response = decoded.response;
    m_frame.clear();
    m_frameSize = 0;
    m_awaiting = false;
    return Progress::Replied;
}

} // namespace chronoscope::sysservice
