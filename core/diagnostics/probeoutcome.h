// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QMap>
#include <QString>

namespace chronoscope::diagnostics {

// What came back for one request of the exposure probe (mode 6 READVAR or mode 7 MON_GETLIST).
// Byte counts are UDP payload bytes, the measure of the usual bandwidth amplification factor.
struct ProbeOutcome
{
    QString request;                // "readvar" (mode 6) or "monlist" (mode 7)
    int requestBytes = 0;           // the one request's size; 0 when nothing was sent
    QString sendError;              // why nothing was sent (empty when it was)
    bool refused = false;           // an ICMP port unreachable came back
    QString networkError;           // another error came back (e.g. ICMP host unreachable)
    int datagrams = 0;              // every datagram that came back within the window
    qint64 replyBytes = 0;          // their total size, well-formed or not
    int validReplies = 0;           // well-formed responses to our request
    QMap<QString, int> rejected;    // why the other datagrams were not → how many
    std::optional<int> errorCode;   // the server answered with this error code
    QString errorText;
    qint64 dataBytes = 0;           // response data in the valid replies, headers excluded
    bool complete = false;          // the whole response arrived (every fragment, in order)
    int monlistEntries = 0;         // mode 7: client records in the monlist
    QString serverVersion;          // mode 6: the server's `version` variable, when sent

    // True when the server sent at least one well-formed response (data or error).
    bool answered() const { return validReplies > 0; }
    // True when it answered with data rather than only with an error.
    bool answeredWithData() const { return validReplies > 0 && !errorCode && dataBytes > 0; }
    // Bytes back per byte sent, over every reply datagram (0 when nothing came back).
    double amplificationFactor() const
    {
        return requestBytes > 0 ? double(replyBytes) / double(requestBytes) : 0.0;
    }
};

} // namespace chronoscope::diagnostics
