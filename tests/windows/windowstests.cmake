# SPDX-License-Identifier: GPL-3.0-or-later
# The cross build's ctest entries (without their windows_ prefix) that the Linux build runs
# through windows_crossbuild's tree (tests/windows/CMakeLists.txt): keep in step with it.
set(CHRONOSCOPE_WINDOWS_TESTS
    wineprefix
    tst_win_helpercore
    tst_win_clockops
    tst_win_pipeservice
    tst_win_service
    no_clock_imports
    wineserver_stop)
