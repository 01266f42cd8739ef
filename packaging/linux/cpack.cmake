# SPDX-License-Identifier: GPL-3.0-or-later
# Debian and RPM packages (included by packaging/cpack.cmake). Build them from a tree configured
# with -DCMAKE_INSTALL_PREFIX=/usr: polkit reads actions only from /usr/share/polkit-1/actions, and
# the helper path baked into the programs and the policy is the prefix's libexec directory.
# packaging/linux/package-stage.sh builds, installs, runs and removes them in ./dev.sh test.
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    message(STATUS "CPack: packages from this tree would install into ${CMAKE_INSTALL_PREFIX}; "
                   "configure a separate tree with -DCMAKE_INSTALL_PREFIX=/usr for DEB/RPM")
endif()
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_GENERATOR "DEB")
find_program(CHRONOSCOPE_RPMBUILD rpmbuild)
if(CHRONOSCOPE_RPMBUILD)
    list(APPEND CPACK_GENERATOR "RPM")
endif()

# Removing the package also removes the helper's runtime state (its rate-limit history on tmpfs).
configure_file("${CMAKE_CURRENT_LIST_DIR}/deb/postrm.in" "${PROJECT_BINARY_DIR}/packaging/deb/postrm" @ONLY
    FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
configure_file("${CMAKE_CURRENT_LIST_DIR}/rpm/postun.in" "${PROJECT_BINARY_DIR}/packaging/rpm/postun" @ONLY)

# --- DEB ---------------------------------------------------------------------------------------
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)            # chronoscope_<version>-<release>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
# Libraries the programs link (Qt, OpenSSL, QtKeychain, libstdc++) come from dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What shlibdeps cannot see: Qt plugins loaded at run time — the SVG image/icon plugins (icons
# are SVG) and the platform plugins (xcb; libqt6gui6 only recommends them) — and pkexec, which
# starts the clock helper (a separate package on Debian; HELPER.md §1.5).
set(_deb_depends "")
set(_rpm_requires "")
if(CHRONOSCOPE_BUILD_UI)
    list(APPEND _deb_depends libqt6svg6 qt6-qpa-plugins)
    list(APPEND _rpm_requires qt6-qtsvg)
    # Native Wayland windows and Qt's own translations of standard dialogs and buttons.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n")
endif()
if(CHRONOSCOPE_BUILD_HELPER)
    list(APPEND _deb_depends pkexec)
    list(APPEND _rpm_requires polkit)
endif()
list(JOIN _deb_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${PROJECT_BINARY_DIR}/packaging/deb/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# --- RPM (Fedora package names) ----------------------------------------------------------------
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_RELEASE 1)
set(CPACK_RPM_PACKAGE_LICENSE "GPL-3.0-or-later")
set(CPACK_RPM_PACKAGE_GROUP "Applications/System")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
# Not relocatable: the polkit policy and the programs name the helper by its absolute path.
set(CPACK_RPM_PACKAGE_RELOCATABLE OFF)
# Library requirements are found by rpmbuild; as for DEB, add the run-time plugins and pkexec.
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
list(JOIN _rpm_requires ", " CPACK_RPM_PACKAGE_REQUIRES)
set(CPACK_RPM_POST_UNINSTALL_SCRIPT_FILE "${PROJECT_BINARY_DIR}/packaging/rpm/postun")
# Directories that belong to the filesystem, hicolor-icon-theme, man-db, polkit, ... packages:
# the RPM must not claim them.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/libexec
    /usr/share/applications
    /usr/share/metainfo
    /usr/share/man
    /usr/share/man/man1
    /usr/share/doc
    /usr/share/bash-completion
    /usr/share/bash-completion/completions
    /usr/share/zsh
    /usr/share/zsh/site-functions
    /usr/share/zsh/vendor-completions
    /usr/share/polkit-1
    /usr/share/polkit-1/actions
    /usr/share/icons
    /usr/share/icons/hicolor
    /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps)
foreach(_size 16 32 48 64 128 256)
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/share/icons/hicolor/${_size}x${_size} /usr/share/icons/hicolor/${_size}x${_size}/apps)
endforeach()
# No /usr/lib/.build-id links: they would collide with other packages built the same way.
set(CPACK_RPM_SPEC_MORE_DEFINE "%define _build_id_links none")
