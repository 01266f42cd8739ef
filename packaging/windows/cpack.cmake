# SPDX-License-Identifier: GPL-3.0-or-later
# The Windows installer (included by packaging/cpack.cmake): NSIS, per-machine, with a Start-menu
# entry, an optional desktop shortcut and PATH entry for chronoscope-cli, and an uninstaller that
# is also registered under "Apps & features". Run on Windows after building:
#   cmake --build build --config Release && cd build && cpack -G NSIS
# NSIS rather than WiX: the helper is a one-shot elevated executable (requireAdministrator
# manifest), which needs no service tables. When the helper becomes a service (HELPER.md §3.2),
# switch to CPack's WIX generator and add its ServiceInstall through CPACK_WIX_PATCH_FILE.
set(CPACK_GENERATOR "NSIS")
set(CPACK_PACKAGE_FILE_NAME "Chronoscope-${PROJECT_VERSION}-win64")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Chronoscope")
set(CPACK_NSIS_PACKAGE_NAME "Chronoscope")
set(CPACK_NSIS_DISPLAY_NAME "Chronoscope")
if(CMAKE_HOST_WIN32)
    # CPack writes BrandingText /TRIM..., which makensis accepts only on Windows hosts (the Linux
    # stub build in tests/packaging runs makensis too).
    set(CPACK_NSIS_BRANDING_TEXT "Chronoscope ${PROJECT_VERSION}")
endif()
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_NSIS_MUI_ICON "${CMAKE_CURRENT_LIST_DIR}/chronoscope.ico")
set(CPACK_NSIS_MUI_UNIICON "${CMAKE_CURRENT_LIST_DIR}/chronoscope.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\chronoscope.exe")
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
# Start menu: "Chronoscope" starts bin\chronoscope.exe; the uninstaller gets an entry too.
set(CPACK_PACKAGE_EXECUTABLES "chronoscope" "Chronoscope")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_UNINSTALL_NAME "Uninstall Chronoscope")
set(CPACK_CREATE_DESKTOP_LINKS "chronoscope")
# Offers to put bin\ (chronoscope-cli.exe) on PATH.
set(CPACK_NSIS_MODIFY_PATH ON)
# Installing over an older version runs its uninstaller first.
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
if(NOT CPACK_RESOURCE_FILE_LICENSE)
    # No license file in the tree yet: no license page rather than CMake's placeholder text.
    set(CPACK_NSIS_IGNORE_LICENSE_PAGE ON)
endif()
