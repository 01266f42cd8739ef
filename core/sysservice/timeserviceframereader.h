// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "core/protocol/timeservice.h"

namespace chronoscope::sysservice {

// Cuts a helper's stdout into its time-service replies (HELPER.md §4.5): first the fixed header
// (RESPONSE_HEADER_SIZE bytes), whose body length is bounded by the decoder, then exactly that
// many body bytes, then the whole frame is decoded and checked against the request it answers.
// Never holds more than one frame: the caller reads at most bytesWanted().
class TimeServiceFrameReader
{
public:
    enum class Progress { NeedMore, Replied, Invalid };

    void expect(std::uint64_t requestId);
    void reset();
    bool isAwaiting() const { return m_awaiting; }
    qsizetype bytesWanted() const;
    Progress feed(QByteArrayView bytes);
    const protocol::timeservice::Response &response() const { return m_response; }
    const QString &error() const { return m_error; }

private:
    Progress invalid(const QString &error);

    QByteArray m_frame;
    qsizetype m_frameSize = 0;    // header + body once the header was read; 0 before
    protocol::timeservice::Response m_response;
    QString m_error;
    std::uint64_t m_requestId = 0;
    bool m_awaiting = false;
};

} // namespace chronoscope::sysservice
