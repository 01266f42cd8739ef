// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include "core/result.h"

namespace chronoscope::cli {

// One command of chronoscope-cli ("check", "keys generate", "system"): its options and
// positional arguments as QCommandLineParser knows them, and the text around them for --help
// (ARCHITECTURE.md §3.1). The help, the completion files and the man page follow these lists.
struct CommandSpec
{
    QString name;                                // "check", "keys generate"
    QString synopsis;                            // after the name: "[options] SERVER..."
    QString summary;                             // one sentence for the help's first line
    QList<QPair<QString, QString>> arguments;    // positional name and description
    QList<QCommandLineOption> options;           // without -h/--help, which every command has
    QString details;                             // paragraphs (one per line) after the options, wrapped

    bool hasOption(const QString &optionName) const;
    bool optionTakesValue(const QString &optionName) const;
};

// The parsed arguments of one command; help is true for -h/--help (nothing else is checked then).
struct ParsedCommand
{
    bool help = false;
    QStringList positional;
    // Options and positional arguments in the order typed: (long option name or an empty string
    // for a positional argument, value or empty). Used where the order matters (servers).
    QList<QPair<QString, QString>> ordered;
};

// Parses `arguments` (after the command's name) with a QCommandLineParser built from `spec`.
// A usage error names the offending option as typed; an option that belongs to other commands
// in `all` says which ("--port applies to diagnose, not check").
Result<ParsedCommand> parseCommand(const CommandSpec &spec, const QStringList &arguments,
                                   QCommandLineParser *parser, const QList<CommandSpec> &all);

// "Usage: chronoscope-cli NAME SYNOPSIS", the summary, arguments, options and details, wrapped at
// 79 columns.
QString commandHelpText(const CommandSpec &spec);

// "a", "a and b", "a, b and c".
QString joinedWithAnd(const QStringList &words);

} // namespace chronoscope::cli
