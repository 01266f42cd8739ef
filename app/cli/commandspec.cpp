// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commandspec.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chronoscope::cli {
namespace {

constexpr int HELP_WIDTH = 79;       // columns of the help text
constexpr int MAX_NAME_COLUMN = 26;  // wider option names put their description on the next line

QCommandLineOption helpOption()
{
    return QCommandLineOption({u"h"_s, u"help"_s}, u"show this help and exit"_s);
}

const QCommandLineOption *findOption(const QList<QCommandLineOption> &options, const QString &name)
{
    for (const QCommandLineOption &option : options) {
        if (option.names().contains(name))
            return &option;
    }
    return nullptr;
}

// The long name of an option (its last name: {"y", "yes"} is "yes").
QString longName(const CommandSpec &spec, const QString &name)
{
    const QCommandLineOption *option = findOption(spec.options, name);
    return option ? option->names().constLast() : name;
}

// How the user typed an option QCommandLineParser did not know ("--colour" of "--colour=auto").
QString typedOption(const QStringList &arguments, const QString &name)
{
    for (const QString &argument : arguments) {
        if (argument == u"--"_s)
            break;
        if (argument.startsWith(u"--"_s) && argument.mid(2).section(u'=', 0, 0) == name)
            return argument.section(u'=', 0, 0);
    }
    return name.size() == 1 ? u"-"_s + name : u"--"_s + name;
}

struct Walk
{
    QList<QPair<QString, QString>> ordered;
    QString error;
};

// Goes through the arguments as QCommandLineParser does (same value and "--" rules) to keep
// their order and to word the errors it reports only as text: a missing or an unexpected value.
Walk walkArguments(const CommandSpec &spec, const QStringList &arguments)
{
    Walk walk;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (optionsEnded || !argument.startsWith(u'-') || argument == u"-"_s) {
            walk.ordered.append({QString(), argument});
            continue;
        }
        if (argument == u"--"_s) {
            optionsEnded = true;
            continue;
        }
        const bool isLong = argument.startsWith(u"--"_s);
        const QString name = isLong ? argument.mid(2).section(u'=', 0, 0) : argument.mid(1, 1);
        if (!spec.hasOption(name))
            continue;   // unknown (QCommandLineParser lists it) or -h/--help
        const QString typed = isLong ? u"--"_s + name : u"-"_s + name;
        const qsizetype assign = argument.indexOf(u'=');
        if (!spec.optionTakesValue(name)) {
            if (isLong && assign >= 0) {
                walk.error = u"option %1 takes no value (got '%2')"_s.arg(typed, argument.mid(assign + 1));
                return walk;
            }
            walk.ordered.append({longName(spec, name), QString()});
            continue;
        }
        QString value;
        if (isLong && assign >= 0) {
            value = argument.mid(assign + 1);
        } else if (!isLong && argument.size() > 2) {
            value = argument.mid(argument.at(2) == u'=' ? 3 : 2);
        } else if (i + 1 < arguments.size()) {
            value = arguments.at(++i);
        } else {
            walk.error = u"option %1 needs a value"_s.arg(typed);
            return walk;
        }
        walk.ordered.append({longName(spec, name), value});
    }
    return walk;
}

// Breaks `text` into lines of at most HELP_WIDTH columns; lines after the first are indented.
QString wrapped(const QString &text, int indent)
{
    QString result;
    int column = indent;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (column > indent && column + 1 + word.size() > HELP_WIDTH) {
            result += u'\n' + QString(indent, u' ');
            column = indent;
        } else if (column > indent) {
            result += u' ';
            ++column;
        }
        result += word;
        column += int(word.size());
    }
    return result;
}

QString optionColumn(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names << (name.size() == 1 ? u"-"_s : u"--"_s) + name;
    QString column = names.join(u", "_s);
    if (!option.valueName().isEmpty())
        column += u' ' + option.valueName();
    return column;
}

QString table(const QList<QPair<QString, QString>> &rows)
{
    int width = 0;
    for (const auto &row : rows)
        width = std::max(width, int(row.first.size()) + 2);
    width = std::min(width, MAX_NAME_COLUMN);
    QString text;
    for (const auto &[name, description] : rows) {
        text += u"  "_s + name;
        if (name.size() + 2 > width)
            text += u'\n' + QString(2 + width, u' ');
        else
            text += QString(width - int(name.size()), u' ');
        text += wrapped(description, 2 + width) + u'\n';
    }
    return text;
}

} // namespace

bool CommandSpec::hasOption(const QString &optionName) const
{
    return findOption(options, optionName) != nullptr;
}

bool CommandSpec::optionTakesValue(const QString &optionName) const
{
    const QCommandLineOption *option = findOption(options, optionName);
    return option && !option->valueName().isEmpty();
}

Result<ParsedCommand> parseCommand(const CommandSpec &spec, const QStringList &arguments,
                                   QCommandLineParser *parser, const QList<CommandSpec> &all)
{
    parser->setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    parser->setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser->addOptions(spec.options);
    parser->addOption(helpOption());
    for (const auto &[name, description] : spec.arguments)
        parser->addPositionalArgument(name, description);
    const bool parsed = parser->parse(QStringList{u"chronoscope-cli"_s} + arguments);

    ParsedCommand result;
    if (parser->isSet(u"help"_s)) {
        result.help = true;
        return result;
    }
    if (!parser->unknownOptionNames().isEmpty()) {
        const QString name = parser->unknownOptionNames().constFirst();
        const QString typed = typedOption(arguments, name);
        QStringList owners;
        for (const CommandSpec &other : all) {
            if (other.name != spec.name && name.size() > 1 && other.hasOption(name))
                owners << other.name;
        }
        if (!owners.isEmpty())
            return Error{u"%1 applies to %2, not %3"_s.arg(typed, joinedWithAnd(owners), spec.name)};
        return Error{u"unknown option '%1'"_s.arg(typed)};
    }
    Walk walk = walkArguments(spec, arguments);
    if (!walk.error.isEmpty())
        return Error{walk.error};
    if (!parsed)
        return Error{parser->errorText()};
    result.positional = parser->positionalArguments();
    result.ordered = walk.ordered;
    return result;
}

QString commandHelpText(const CommandSpec &spec)
{
    QString text = wrapped(u"Usage: chronoscope-cli %1 %2"_s.arg(spec.name, spec.synopsis), 4) + u'\n';
    text += wrapped(spec.summary, 0) + u'\n';
    if (!spec.arguments.isEmpty())
        text += u"\nArguments:\n"_s + table(spec.arguments);
    QList<QPair<QString, QString>> rows;
    for (const QCommandLineOption &option : spec.options + QList<QCommandLineOption>{helpOption()})
        rows.append({optionColumn(option), option.description()});
    text += u"\nOptions:\n"_s + table(rows);
    if (!spec.details.isEmpty())
        text += u'\n';
    for (const QString &paragraph : spec.details.split(u'\n', Qt::SkipEmptyParts))
        text += wrapped(paragraph, 0) + u'\n';
    return text;
}

QString joinedWithAnd(const QStringList &words)
{
    if (words.size() <= 1)
        return words.join(QString());
    return words.mid(0, words.size() - 1).join(u", "_s) + u" and "_s + words.constLast();
}

} // namespace chronoscope::cli
