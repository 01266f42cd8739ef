# SPDX-License-Identifier: GPL-3.0-or-later
# Prints the per-target lines the fuzz-long run collected in REPORT.
file(READ "${REPORT}" lines)
message("fuzz-long results (libFuzzer, ASan + UBSan, one process, -seed=1):\n${lines}")
