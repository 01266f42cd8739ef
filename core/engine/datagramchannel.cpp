// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/datagramchannel.h"

#include "core/engine/qudpchannel.h"
#ifdef Q_OS_LINUX
#include "core/engine/kerneltimestampchannel_linux.h"
#endif

namespace chronoscope::engine {

std::unique_ptr<DatagramChannel> DatagramChannel::create(TimestampSource source, QObject *parent)
{
#ifdef Q_OS_LINUX
    if (source == TimestampSource::Kernel)
        return std::make_unique<KernelTimestampChannel>(parent);
#else
    Q_UNUSED(source);
#endif
    return std::make_unique<QUdpChannel>(parent);
}

} // namespace chronoscope::engine
