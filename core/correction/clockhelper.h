// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include "core/correction/helpererror.h"
#include "core/protocol/protocol.h"
#include "core/protocol/verb.h"

namespace chronoscope::correction {

// The client's view of the privileged helper: open it for one verb (which may ask the user for
// a password), send requests one at a time, get one reply each. ProcessClockHelper (pkexec) and
// LocalSocketClockHelper (the Windows service, the macOS daemon) are the real ones, chosen by
// createClockHelper(); tests substitute a fake. Lives in the GUI/CLI thread.
class ClockHelper : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClockHelper)
public:
    explicit ClockHelper(QObject *parent = nullptr) : QObject(parent) { }
    ~ClockHelper() override = default;

    // Starts the helper for `verb`; dryRun asks it to validate and log but change nothing.
    virtual void open(protocol::Verb verb, bool dryRun) = 0;
    // Sends one request; the answer comes as replied() or failed(). Never call it again before.
    virtual void send(const protocol::Request &request) = 0;
    // Closes the helper's input; it exits.
    virtual void close() = 0;
    // For logs and error details: what the pkexec'd helper wrote on stderr (its audit lines), or
    // what happened on the service's connection.
    virtual QString diagnostics() const { return {}; }

signals:
    void replied(const chronoscope::protocol::Response &response);
    void failed(chronoscope::correction::HelperError error, const QString &detail);
};

} // namespace chronoscope::correction
