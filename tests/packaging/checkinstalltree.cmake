# SPDX-License-Identifier: GPL-3.0-or-later
# ctest script (cmake -P): `cmake --install` into a DESTDIR test root installs every file the
# packages need at the standard places (HELPER.md §6.1): programs, the helper in libexec, the
# polkit policy, the desktop entry, the AppStream metadata, hicolor icons (SVG + PNG sizes), gzip
# man pages, the bash and zsh completion of chronoscope-cli, the copyright file and LICENSE (the repository's full GPL-3.0 text); and the
# generated CPack configuration packages project()'s VERSION with the DEB generator, shlibdeps,
# stripping and the run-time Qt plugin packages.
# Inputs: SOURCE_DIR, BUILD_DIR, PREFIX, APP_ID, HELPER_PATH, POLICY_DIR, VERSION, WITH_GUI,
# WITH_HELPER, WORK_DIR, BASH_COMPLETION_DIR, ZSH_COMPLETION_DIR.
cmake_minimum_required(VERSION 3.21)
foreach(var SOURCE_DIR BUILD_DIR PREFIX APP_ID HELPER_PATH POLICY_DIR VERSION WITH_GUI WITH_HELPER WORK_DIR
            BASH_COMPLETION_DIR ZSH_COMPLETION_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "missing -D${var}")
    endif()
endforeach()

set(root "${WORK_DIR}/destdir")
file(REMOVE_RECURSE "${root}")
execute_process(COMMAND ${CMAKE_COMMAND} -E env "DESTDIR=${root}" ${CMAKE_COMMAND} --install "${BUILD_DIR}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed:\n${out}\n${err}")
endif()

set(expected
    "${PREFIX}/bin/chronoscope-cli"
    "${PREFIX}/share/man/man1/chronoscope-cli.1.gz"
    "${PREFIX}/share/doc/chronoscope/copyright"
    "${PREFIX}/share/doc/chronoscope/LICENSE"
    "${PREFIX}/${BASH_COMPLETION_DIR}/chronoscope-cli"
    "${PREFIX}/${ZSH_COMPLETION_DIR}/_chronoscope-cli")
if(WITH_HELPER)
    list(APPEND expected "${HELPER_PATH}" "${PREFIX}/${POLICY_DIR}/${APP_ID}.policy")
endif()
if(WITH_GUI)
    list(APPEND expected
        "${PREFIX}/bin/chronoscope"
        "${PREFIX}/share/applications/chronoscope.desktop"
        "${PREFIX}/share/metainfo/${APP_ID}.metainfo.xml"
        "${PREFIX}/share/icons/hicolor/scalable/apps/chronoscope.svg"
        "${PREFIX}/share/man/man1/chronoscope.1.gz")
    foreach(size 16 32 48 64 128 256)
        list(APPEND expected "${PREFIX}/share/icons/hicolor/${size}x${size}/apps/chronoscope.png")
    endforeach()
endif()
foreach(path IN LISTS expected)
    if(NOT EXISTS "${root}${path}" OR IS_DIRECTORY "${root}${path}")
        message(FATAL_ERROR "not installed: ${path}")
    endif()
endforeach()
list(LENGTH expected count)
message(STATUS "all ${count} expected files installed under ${PREFIX}")

# Nothing else: every installed file is one we expect (no test programs, no stray headers).
file(GLOB_RECURSE installed RELATIVE "${root}" "${root}/*")
foreach(path IN LISTS installed)
    list(FIND expected "/${path}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "unexpected installed file: /${path}")
    endif()
endforeach()

# The installed LICENSE is the repository's, i.e. the full GPL version 3 text.
file(READ "${root}${PREFIX}/share/doc/chronoscope/LICENSE" license)
file(READ "${SOURCE_DIR}/LICENSE" source_license)
if(NOT license STREQUAL source_license)
    message(FATAL_ERROR "installed LICENSE differs from ${SOURCE_DIR}/LICENSE")
endif()
if(NOT license MATCHES "GNU GENERAL PUBLIC LICENSE[ \n]+Version 3, 29 June 2007" OR NOT license MATCHES "END OF TERMS AND CONDITIONS")
    message(FATAL_ERROR "LICENSE is not the complete GPL version 3 text")
endif()

# The man pages are gzip files (packages ship them compressed, reproducibly: gzip -n).
file(READ "${root}${PREFIX}/share/man/man1/chronoscope-cli.1.gz" magic LIMIT 2 HEX)
if(NOT magic STREQUAL "1f8b")
    message(FATAL_ERROR "chronoscope-cli.1.gz is not gzip-compressed")
endif()

# The CPack configuration: one version, DEB with shlibdeps and the plugin packages, stripping.
include("${BUILD_DIR}/CPackConfig.cmake")
if(NOT CPACK_PACKAGE_VERSION STREQUAL VERSION)
    message(FATAL_ERROR "CPack packages version ${CPACK_PACKAGE_VERSION}, project() says ${VERSION}")
endif()
if(NOT "DEB" IN_LIST CPACK_GENERATOR OR NOT CPACK_DEBIAN_PACKAGE_SHLIBDEPS OR NOT CPACK_STRIP_FILES)
    message(FATAL_ERROR "CPack: generators '${CPACK_GENERATOR}', shlibdeps '${CPACK_DEBIAN_PACKAGE_SHLIBDEPS}', "
                        "strip '${CPACK_STRIP_FILES}'")
endif()
set(deps "")
if(WITH_HELPER)
    list(APPEND deps pkexec)
endif()
if(WITH_GUI)
    list(APPEND deps libqt6svg6 qt6-qpa-plugins)
endif()
foreach(dep IN LISTS deps)
    if(NOT CPACK_DEBIAN_PACKAGE_DEPENDS MATCHES "(^|, )${dep}(,|$)")
        message(FATAL_ERROR "CPACK_DEBIAN_PACKAGE_DEPENDS lacks ${dep}: ${CPACK_DEBIAN_PACKAGE_DEPENDS}")
    endif()
endforeach()
message(STATUS "CPack: ${CPACK_PACKAGE_NAME} ${CPACK_PACKAGE_VERSION} as ${CPACK_GENERATOR}")
file(REMOVE_RECURSE "${root}")
