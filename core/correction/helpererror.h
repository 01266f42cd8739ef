// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>

namespace chronoscope::correction {

// Why talking to the helper failed (as opposed to the helper refusing a request, which is a
// protocol::Status in its reply). ui/ and the CLI turn these into words.
enum class HelperError {
    NotInstalled,     // no helper at the configured path, or pkexec missing, or no service socket
    Cancelled,        // the user dismissed the password prompt (pkexec exit 126)
    NotAuthorised,    // polkit said no (pkexec exit 127), or the service does not allow this caller
    RefusedToStart,   // the helper declined its configuration (exit 7)
    Crashed,          // exited or died without answering
    Timeout,          // no answer in time
    BadReply,         // a reply that does not decode, or answers another request
    ServiceNotRunning, // the helper service (Windows pipe, macOS socket) does not accept connections
};

} // namespace chronoscope::correction

Q_DECLARE_METATYPE(chronoscope::correction::HelperError)
