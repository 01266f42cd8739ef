// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/benchmarks/cpuplacement.h"

#include <sched.h>

namespace chronoscope::testing {

std::optional<std::pair<int, int>> pinClientsAndServers()
{
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (sched_getaffinity(0, sizeof(allowed), &allowed) != 0)
        return std::nullopt;
    int cpus[2] = {-1, -1};
    for (int cpu = 0, found = 0; cpu < CPU_SETSIZE && found < 2; ++cpu)
        if (CPU_ISSET(cpu, &allowed))
            cpus[found++] = cpu;
    if (cpus[1] < 0)
        return std::nullopt;
    cpu_set_t client;
    CPU_ZERO(&client);
    CPU_SET(cpus[0], &client);
    if (sched_setaffinity(0, sizeof(client), &client) != 0)
        return std::nullopt;
    return std::pair{cpus[0], cpus[1]};
}

bool pinServer(qint64 pid, int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return pid > 0 && sched_setaffinity(pid_t(pid), sizeof(set), &set) == 0;
}

} // namespace chronoscope::testing
