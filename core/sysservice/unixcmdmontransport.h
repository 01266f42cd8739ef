// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QString>

#include "core/result.h"
#include "core/sysservice/cmdmontransport.h"

namespace chronoscope::sysservice {

// chronyd's command socket: an AF_UNIX datagram socket (bindcmdaddress; Debian: /run/chrony/
// chronyd.sock, in a directory only root and _chrony may enter). chronyd answers to the client's
// own bound path, so the client binds a socket in a private directory it creates (mkdtemp under
// $XDG_RUNTIME_DIR or the temporary directory; mode 0711, socket 0666 so that chronyd running as
// _chrony can answer) and connects it to chronyd's: the kernel then delivers only datagrams
// from chronyd's socket to it. Both are removed by the destructor.
//
// open() refuses, with a message saying what to do:
//   - a path that is a symbolic link, or not a socket ("foreign"), or owned by a user other than
//     root or this process's user;
//   - a missing socket ("is chronyd running?"), a directory it may not enter ("permission
//     denied": run as root or use the command port), a socket nobody listens on ("dead socket"), a stream
//     socket.
// POSIX only; elsewhere open() returns an Error.
class UnixCmdmonTransport final : public CmdmonTransport
{
public:
    ~UnixCmdmonTransport() override;

    static constexpr const char *DEFAULT_SOCKET_PATH = "/run/chrony/chronyd.sock";

    static Result<std::unique_ptr<UnixCmdmonTransport>> open(const QString &socketPath);

    Result<bool> send(QByteArrayView request) override;
    Result<QByteArray> receive(int timeoutMs) override;
    QString endpoint() const override { return m_serverPath; }

    // Whether the last open() failure was a permission problem (the GUI and CLI then say so).
    // Set on the Error text's prefix "permission denied".
    static bool isPermissionError(const QString &message);

private:
    UnixCmdmonTransport() = default;

    int m_fd = -1;
    QString m_serverPath;
    QString m_clientDir;
    QString m_clientPath;
};

} // namespace chronoscope::sysservice
