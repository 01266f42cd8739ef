// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>

#include "core/engine/serverstatus.h"

namespace chronoscope::engine {

// Everything the engine knows at one moment: every server and the system result. Published
// by the engine on change, coalesced to at most ~10 per second, and read by models and
// controllers instead of keeping their own copies. A value type: copying shares the list.
struct EngineSnapshot
{
    quint64 sequence = 0;          // grows by one per published snapshot (0: nothing yet)
    double time = 0;               // Unix seconds when it was taken
    QList<ServerStatus> servers;   // sorted by id
    SystemStatus system;
    bool finished = false;         // check mode: every association has used up its requests

    const ServerStatus *server(int id) const
    {
        for (const ServerStatus &s : servers)
            if (s.id == id)
                return &s;
        return nullptr;
    }
};

} // namespace chronoscope::engine

Q_DECLARE_METATYPE(chronoscope::engine::EngineSnapshot)
