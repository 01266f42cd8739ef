// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/datagramreceiver.h"

namespace chronoscope::testing {

// A DatagramReceiver that ignores everything: for channel tests that only send or only look at
// sockets and ports.
class NullDatagramReceiver final : public engine::DatagramReceiver
{
public:
    void onDatagram(const QByteArray &, const QHostAddress &, quint16, ntp::NtpTimestamp) override { }
    void onChannelError(const QString &, bool) override { }
};

} // namespace chronoscope::testing
