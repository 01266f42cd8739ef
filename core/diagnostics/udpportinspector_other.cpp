// SPDX-License-Identifier: GPL-3.0-or-later
// Platforms without an implementation (macOS, the BSDs). macOS could use libproc
// (proc_pidinfo with PROC_PIDFDSOCKETINFO); until someone builds and tests that, say so.
#include "core/diagnostics/udpportinspector.h"

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {

Result<QList<UdpSocketEntry>> findUdpSockets(quint16 port)
{
    return Error{u"listing the sockets on UDP port %1 is not implemented on this platform; "
                 "`lsof -nP -iUDP:%1` shows them"_s.arg(port)};
}

} // namespace chronoscope::diagnostics
