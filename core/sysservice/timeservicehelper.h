// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include "core/correction/helpererror.h"
#include "core/protocol/timeservice.h"

namespace chronoscope::sysservice {

// The client's view of the privileged helper started for `configure-time-service`
// (HELPER.md §4.5): open it (which may ask the user for a password), send one request, get one
// reply or a failure. ProcessTimeServiceHelper (pkexec) is the real one; tests substitute a fake.
// Lives in the caller's thread; never blocks it.
class TimeServiceHelper : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeServiceHelper)
public:
    explicit TimeServiceHelper(QObject *parent = nullptr) : QObject(parent) { }
    ~TimeServiceHelper() override = default;

    // Starts the helper; dryRun asks it to render and check but write nothing.
    virtual void open(bool dryRun) = 0;
    // Sends one request; the answer comes as replied() or failed(). Never call it again before.
    virtual void send(const protocol::timeservice::Request &request) = 0;
    // Closes the helper's input; it exits.
    virtual void close() = 0;
    // What the helper wrote on stderr (its audit lines), for error details.
    virtual QString diagnostics() const { return {}; }

signals:
    void replied(const chronoscope::protocol::timeservice::Response &response);
    void failed(chronoscope::correction::HelperError error, const QString &detail);
};

} // namespace chronoscope::sysservice
