// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/datagramchannel.h"

#include "core/engine/qudpchannel.h"
#ifdef Q_OS_LINUX
#include "core/engine/kerneltimestampchannel_linux.h"
#endif

namespace chronoscope::engine {

std::unique_ptr<DatagramChannel> DatagramChannel::create(TimestampSource source, DatagramReceiver &receiver,
                                                        SocketPoller *poller)
{
#ifdef Q_OS_LINUX
    if (source == TimestampSource::Kernel)
        return std::make_unique<KernelTimestampChannel>(receiver, poller);
#else
    Q_UNUSED(source);
#endif
    Q_UNUSED(poller);
    return std::make_unique<QUdpChannel>(receiver);
}

} // namespace chronoscope::engine
