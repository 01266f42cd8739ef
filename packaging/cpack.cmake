# SPDX-License-Identifier: GPL-3.0-or-later
# Installers (issue 7), included once from the top-level CMakeLists.txt after every install() rule.
# One version for everything: project(VERSION) at the top level feeds the packages, the CLI's
# --version, the man pages and the Info.plist; the AppStream metadata's newest <release> is checked
# against it (tests/packaging).
#   Linux:   cpack -G DEB / -G RPM      (built and tested by ./dev.sh test, packaging/linux/package-stage.sh)
#   Windows: cpack -G NSIS              (configured here, built on Windows: packaging/windows/)
#   macOS:   cpack -G DragNDrop         (configured here, built on macOS: packaging/macos/)

set(CPACK_PACKAGE_NAME "chronoscope")
set(CPACK_PACKAGE_VENDOR "Chronoscope")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VERSION_MAJOR "${PROJECT_VERSION_MAJOR}")
set(CPACK_PACKAGE_VERSION_MINOR "${PROJECT_VERSION_MINOR}")
set(CPACK_PACKAGE_VERSION_PATCH "${PROJECT_VERSION_PATCH}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Desktop time-sync manager: NTP engine, GUI and command-line tool")
# The long description (Debian wraps it, one line per line here).
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Chronoscope measures the system clock against NTP time servers with its own NTP\n"
    "engine and shows how far the clock is off and why each server is or is not\n"
    "trusted: offset, delay and jitter charts, the RFC 5905 selection, the drift of\n"
    "the local clock, symmetric-key authentication and diagnostics. chronoscope-cli\n"
    "does the same from scripts, with JSON output. Clock corrections go through a\n"
    "small privileged helper that pkexec starts after polkit authorisation.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_CONTACT "The Chronoscope developers <chronoscope@example.invalid>")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Chronoscope")
set(CPACK_PACKAGE_CHECKSUM SHA256)
# Release builds carry no debug information in the package.
set(CPACK_STRIP_FILES ON)
set(CPACK_VERBATIM_VARIABLES ON)
foreach(_license COPYING LICENSE LICENSE.txt)
    if(EXISTS "${PROJECT_SOURCE_DIR}/${_license}")
        set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/${_license}")
        break()
    endif()
endforeach()

# `cpack --config CPackSourceConfig.cmake`: a source tarball without build trees or VCS data.
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_PACKAGE_FILE_NAME "chronoscope-${PROJECT_VERSION}")
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build/" "/\\.cache/" "\\.user$")

if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    include("${CMAKE_CURRENT_LIST_DIR}/linux/cpack.cmake")
elseif(WIN32)
    include("${CMAKE_CURRENT_LIST_DIR}/windows/cpack.cmake")
elseif(APPLE)
    include("${CMAKE_CURRENT_LIST_DIR}/macos/cpack.cmake")
endif()

include(CPack)
