// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace chronoscope::nts {

// Which certificate authorities may vouch for an NTS-KE server.
struct NtsTrust
{
    bool systemStore = true;   // OpenSSL's default CA locations (the system store)
    // Extra PEM files, or directories whose *.pem / *.crt files are all loaded (a private CA:
    // `--nts-ca FILE` in the CLI).
    QStringList caPaths;
};

} // namespace chronoscope::nts
