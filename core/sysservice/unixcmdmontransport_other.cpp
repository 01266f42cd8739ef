// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/unixcmdmontransport.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

bool UnixCmdmonTransport::isPermissionError(const QString &message)
{
    return message.startsWith(u"permission denied"_s);
}

Result<std::unique_ptr<UnixCmdmonTransport>> UnixCmdmonTransport::open(const QString &socketPath)
{
    return Error{u"chronyd's Unix socket (%1) is not available on this platform"_s.arg(socketPath)};
}

UnixCmdmonTransport::~UnixCmdmonTransport() = default;

Result<bool> UnixCmdmonTransport::send(QByteArrayView)
{
    return Error{u"not available on this platform"_s};
}

Result<QByteArray> UnixCmdmonTransport::receive(int)
{
    return Error{u"not available on this platform"_s};
}

} // namespace chronoscope::sysservice
