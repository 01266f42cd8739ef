# SPDX-License-Identifier: GPL-3.0-or-later
# CHRONOSCOPE_HELPER_ONLY (the mingw-helper preset): the privileged helper without Qt, OpenSSL or
# anything else of the app — core/protocol, app/helper and tests/windows. Used to cross-compile
# chronoscope-helper.exe and its tests for Windows with mingw-w64; the tests then run under wine
# (`ctest --preset mingw-helper`, or the windows_* entries of the main build's ctest).
if(WIN32)
    enable_language(RC)
endif()
add_subdirectory(core/protocol)
add_subdirectory(app/helper)
if(WIN32)
    # The helper's version, icon and elevation manifest (packaging/windows/version.rc.in).
    set(CHRONOSCOPE_RC_TARGET chronoscope-helper)
    set(CHRONOSCOPE_RC_DESCRIPTION "Chronoscope clock helper")
    set(CHRONOSCOPE_RC_ICON "${PROJECT_SOURCE_DIR}/packaging/windows/chronoscope.ico")
    set(CHRONOSCOPE_RC_MANIFEST "${PROJECT_SOURCE_DIR}/packaging/windows/chronoscope-helper.manifest")
    configure_file(packaging/windows/version.rc.in "${PROJECT_BINARY_DIR}/chronoscope-helper.rc" @ONLY)
    target_sources(chronoscope-helper PRIVATE "${PROJECT_BINARY_DIR}/chronoscope-helper.rc")
endif()
if(CHRONOSCOPE_BUILD_TESTS)
    enable_testing()
    # ctest runs each test program through tests/windows/wine-run.sh (wine64, a private prefix,
    # CAP_SYS_TIME dropped). Without wine the programs are built but `ctest` cannot run them.
    find_program(CHRONOSCOPE_WINE64 NAMES wine64 PATHS /usr/lib/wine NO_DEFAULT_PATH)
    find_program(CHRONOSCOPE_WINE64 NAMES wine64 wine)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${PROJECT_SOURCE_DIR}/tests/windows/wine-run.sh)
    add_subdirectory(tests/windows)
endif()
