# SPDX-License-Identifier: GPL-3.0-or-later
# The Windows installer (included by packaging/cpack.cmake): NSIS, per-machine, with a Start-menu
# entry, an optional desktop shortcut and PATH entry for chronoscope-cli, the clock helper
# service, and an uninstaller that is also registered under "Apps & features". Built on Windows
# after building (README "Building the Windows installer"):
#   cmake --build build --config Release && cd build && cpack -G NSIS
# The installer registers the helper service by running the helper itself
# (chronoscope-helper.exe --install-service: service, failure actions, access rights and Event
# Log source in one place, serviceinstaller_win.cpp) rather than with NSIS or WiX service tables,
# so NSIS and a hand-run install do exactly the same; the uninstaller stops and removes it first.
# CI builds this installer on Linux from the real cross-compiled helper, installs and uninstalls
# it under wine (tests/packaging/checkwindowsinstaller.cmake).
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

# The installer's own architecture: makensis's default (a 32-bit x86-unicode installer, which
# installs the 64-bit programs through WOW64; the official Windows NSIS ships only that stub), or
# e.g. amd64-unicode where makensis has that stub (Debian's nsis). CI builds the amd64 one because
# its wine runs 64-bit programs only. (CPACK_NSIS_DEFINES lands in the script's header.)
set(CHRONOSCOPE_NSIS_TARGET "" CACHE STRING "NSIS Target of the installer (empty: makensis's default x86-unicode)")
if(CHRONOSCOPE_NSIS_TARGET)
    set(CPACK_NSIS_DEFINES "Target ${CHRONOSCOPE_NSIS_TARGET}")
endif()

# The clock helper service (README "Windows helper service"). Before the files: a service of an
# older installation still running from $INSTDIR is stopped and removed, so its executable can
# be replaced. After them: registered (demand start); a failure aborts the installation.
set(CPACK_NSIS_EXTRA_PREINSTALL_COMMANDS [=[
  IfFileExists "$INSTDIR\bin\chronoscope-helper.exe" 0 +2
    ExecWait '"$INSTDIR\bin\chronoscope-helper.exe" --uninstall-service'
]=])
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [=[
  ExecWait '"$INSTDIR\bin\chronoscope-helper.exe" --install-service' $0
  StrCmp $0 "0" chronoscope_service_done
    MessageBox MB_OK|MB_ICONSTOP "Registering the Chronoscope clock helper service failed (status $0)." /SD IDOK
    SetErrorLevel 3
    Abort
  chronoscope_service_done:
]=])
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [=[
  ExecWait '"$INSTDIR\bin\chronoscope-helper.exe" --uninstall-service' $0
]=])
