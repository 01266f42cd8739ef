// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "app/helper/timeservicehost.h"

namespace chronoscope::helper {

// Tests only (HELPER.md §5.5): every path under `root`; restarts are appended to
// root/restarts.log ("restart UNIT") instead of run. A unit is active unless
// root/units/UNIT.failed exists; a restart creates that file when root/units/UNIT.rejects holds
// a word that occurs in the unit's configuration file after the change (a daemon that "does not
// come up" with some configuration), and removes it otherwise. The chronyd socket is whatever
// the test gives (a real chronyd's bindcmdaddress), else root/run/chrony/chronyd.sock.
class TestRootTimeServiceHost final : public TimeServiceHost
{
public:
    TestRootTimeServiceHost(std::string root, std::string chronydSocket);

    std::string root() const override { return m_root; }
    std::string chronydSocket() const override { return m_socket; }
    std::string stateDirectory() const override { return m_root + "/var/lib/chronoscope-helper/time-service"; }
    std::string runtimeDirectory() const override { return m_root + "/run"; }
    int restartUnit(std::string_view unit) override;
    bool unitActive(std::string_view unit) override;
    std::string_view name() const override { return "test-root"; }
    bool isTest() const override { return true; }

private:
    std::string configFileOf(std::string_view unit) const;

    std::string m_root;
    std::string m_socket;
};

} // namespace chronoscope::helper
