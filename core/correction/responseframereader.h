// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "core/protocol/protocol.h"

namespace chronoscope::correction {

// Cuts the byte stream a helper sends (a pkexec'd helper's stdout, the service's pipe or socket)
// into its fixed-size replies (RESPONSE_SIZE bytes, HELPER.md §4.2) and checks each against the
// request it answers. Never holds more than one frame: the caller reads at most bytesWanted().
class ResponseFrameReader
{
public:
    enum class Progress {
        NeedMore, // the frame is not complete yet
        Replied,  // response() holds the reply to the expected request
        Invalid,  // error() says what was wrong; the stream is out of step and unusable
    };

    // A request with this id was sent; its reply comes next. Drops any partial frame.
    void expect(std::uint64_t requestId);
    // Forgets the expected request and any partial frame.
    void reset();
    bool isAwaiting() const { return m_awaiting; }
    // How many more bytes the expected reply needs (0 when none is expected).
    qsizetype bytesWanted() const;
    // Adds up to bytesWanted() bytes of the reply (more is Invalid: the helper said too much).
    Progress feed(QByteArrayView bytes);
    const protocol::Response &response() const { return m_response; }
    const QString &error() const { return m_error; }

private:
    Progress invalid(const QString &error);

    QByteArray m_frame;
    protocol::Response m_response;
    QString m_error;
    std::uint64_t m_requestId = 0;
    bool m_awaiting = false;
};

} // namespace chronoscope::correction
