// SPDX-License-Identifier: GPL-3.0-or-later
// macOS and the BSDs: not implemented (timed/ntpd detection would go here).
#include "core/diagnostics/timeservices.h"

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {

Result<QList<TimeServiceStatus>> listPlatformTimeServices()
{
    return Error{u"listing time services is not implemented on this platform"_s};
}

} // namespace chronoscope::diagnostics
