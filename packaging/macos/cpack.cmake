# SPDX-License-Identifier: GPL-3.0-or-later
# The macOS disk image (included by packaging/cpack.cmake): a DragNDrop .dmg holding only
# Chronoscope.app (component macos_app, see packaging/macos/CMakeLists.txt) and a link to
# /Applications. Run on macOS after building and signing:
#   cmake --build build && cd build && cpack -G DragNDrop
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_PACKAGE_FILE_NAME "Chronoscope-${PROJECT_VERSION}-macOS")
set(CPACK_DMG_VOLUME_NAME "Chronoscope ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")
# Only the bundle: the plain-prefix install rules (bin/, libexec/, share/) are for other systems.
set(CPACK_INSTALL_CMAKE_PROJECTS "${PROJECT_BINARY_DIR};${PROJECT_NAME};macos_app;/")
