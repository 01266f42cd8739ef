# SPDX-License-Identifier: GPL-3.0-or-later
# Cross-compiling the Qt-free clock helper for 64-bit Windows on Debian 12 with mingw-w64
# (g++-mingw-w64-x86-64-posix: the "posix" thread model, so std::thread and std::mutex work).
# Used by the `mingw-helper` preset. Everything is linked statically, so the .exe files need no
# libstdc++/libgcc/winpthread DLLs next to them (under wine or on Windows).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(_mingw x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${_mingw}-gcc-posix)
set(CMAKE_CXX_COMPILER ${_mingw}-g++-posix)
set(CMAKE_RC_COMPILER ${_mingw}-windres)
set(CMAKE_MC_COMPILER ${_mingw}-windmc)
set(CMAKE_FIND_ROOT_PATH /usr/${_mingw})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
# ctest runs the test programs under wine: cmake/helperonly.cmake.
