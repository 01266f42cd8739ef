// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QDialog>
#include <QList>

#include "core/config/configuredserver.h"

namespace Ui {
class ServerDialog;
}

namespace chronoscope::ui {

class ServerTester;

// Add or edit one server or pool. Invalid input (bad host, port, poll range, contradictory
// options) and duplicates of listed servers keep OK disabled, with the reason shown. "Test this
// server" runs a one-off check without adding it.
class ServerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerDialog)
public:
    // `existing` is the current list; `editIndex` the entry being edited (-1: adding).
    explicit ServerDialog(const QList<config::ConfiguredServer> &existing, int editIndex = -1, QWidget *parent = nullptr);
    ~ServerDialog() override;

    void setServer(const config::ConfiguredServer &server);
    config::ConfiguredServer server() const;
    // Why the input is refused (empty when OK is possible).
    QString problem() const { return m_problem; }
    bool isAcceptable() const { return m_problem.isEmpty(); }
    QString testResultText() const;

signals:
    void testFinished();

private:
    void validate();
    void startTest();
    void updatePollHints();

    std::unique_ptr<Ui::ServerDialog> m_ui;
    QList<config::ConfiguredServer> m_existing;
    int m_editIndex;
    QString m_problem;
    ServerTester *m_tester;
};

} // namespace chronoscope::ui
