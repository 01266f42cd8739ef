// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/acceptedsample.h"
#include "core/engine/rejectionsummary.h"
#include "core/engine/requestoutcome.h"

namespace chronoscope::engine {

// The owner of an association (SyncEngine) hears its events through this interface, called
// directly in the association's thread, instead of one signal connection per event: connections
// cost about 100 bytes each per association (with 10,000 associations, 4 MB for these four) and
// a QMetaObject::activate per event. These events reach nobody else.
class AssociationObserver
{
public:
    virtual void onSampleAccepted(const AcceptedSample &sample) = 0;
    virtual void onRequestFailed(const RequestOutcome &outcome) = 0;
    virtual void onRejectionsSummarised(const RejectionSummary &summary) = 0;
    // Something in the association's status() changed (cheap: the engine coalesces these into
    // snapshots).
    virtual void onAssociationChanged(int id) = 0;

protected:
    ~AssociationObserver() = default;
};

} // namespace chronoscope::engine
