// SPDX-License-Identifier: GPL-3.0-or-later
#include "command_line.h"

#include "cli_text.h"

namespace deploycast::cli {
namespace {

struct Token {
    QString name;
    QString value;
    bool hasValue = false;
};

std::optional<Token> splitToken(const QString &argument)
{
    if (argument.size() < 2 || (argument[0] != u'/' && argument[0] != u'-'))
        return std::nullopt;
    const QString body = argument.mid(1);
    const qsizetype colon = body.indexOf(u':');
    if (colon < 0)
        return Token{body, {}, false};
    return Token{body.left(colon), body.mid(colon + 1), true};
}

QString checkValue(const SwitchSpec &spec, const Token &token, QString *canonical)
{
    const QString display = u'/' + spec.name;
    if (spec.kind == ValueKind::Flag) {
        if (token.hasValue)
            return CliText::tr("%1 takes no value").arg(display);
        *canonical = QString();
        return {};
    }
    if (token.value.isEmpty()) {
        const QString hint = spec.kind == ValueKind::Choice ? u'{' + spec.choices.join(u" | "_qs) + u'}' : spec.valueHint;
        return CliText::tr("%1 needs a value: %1:%2").arg(display, hint);
    }
    *canonical = token.value;
    switch (spec.kind) {
    case ValueKind::Flag:
    case ValueKind::Text:
        return {};
    case ValueKind::Integer: {
        bool ok = false;
        const qulonglong number = token.value.toULongLong(&ok);
        if (!ok || number == 0 || number > 0xFFFFFFFFull)
            return CliText::tr("%1 needs a whole number from 1 to 4294967295, not '%2'").arg(display, token.value);
        return {};
    }
    case ValueKind::Choice:
        for (const QString &choice : spec.choices) {
            if (choice.compare(token.value, Qt::CaseInsensitive) == 0) {
                *canonical = choice;
                return {};
            }
        }
        return CliText::tr("%1 must be one of %2, not '%3'").arg(display, spec.choices.join(u" | "_qs), token.value);
    case ValueKind::Time:
        if (!parseWdsTime(token.value).isValid())
            return CliText::tr("%1 needs a time as YYYY/MM/DD:hh:mm, not '%2'").arg(display, token.value);
        return {};
    }
    return {};
}

} // namespace

QDateTime ParsedCommand::time(const QString &switchName) const
{
    return parseWdsTime(value(switchName));
}

QDateTime parseWdsTime(const QString &text)
{
    const QDateTime time = QDateTime::fromString(text, u"yyyy/MM/dd:HH:mm"_qs);
    return time.isValid() && time.toString(u"yyyy/MM/dd:HH:mm"_qs) == text ? time : QDateTime();
}

ParseResult parseCommandLine(const QStringList &arguments)
{
    ParsedCommand parsed;
    QList<Token> switches;
    for (const QString &argument : arguments) {
        const std::optional<Token> token = splitToken(argument);
        if (!token)
            return {std::nullopt, CliText::tr("'%1' is not a /Command or /Switch (a value with spaces needs quotes)").arg(argument)};
        if (token->name == u"?"_qs || token->name.compare(u"help"_qs, Qt::CaseInsensitive) == 0) {
            parsed.help = true;
            continue;
        }
        if (const CommandSpec *command = findCommand(token->name)) {
            if (parsed.command)
                return {std::nullopt, CliText::tr("one command at a time: /%1 and /%2").arg(parsed.command->name, command->name)};
            if (token->hasValue)
                return {std::nullopt, CliText::tr("/%1 takes no value").arg(command->name)};
            parsed.command = command;
            continue;
        }
        switches.append(*token);
    }
    if (!parsed.command) {
        if (parsed.help && switches.isEmpty())
            return {parsed, {}};
        if (!switches.isEmpty())
            return {std::nullopt, CliText::tr("unknown command '/%1' (deploycast /? lists the commands)").arg(switches.first().name)};
        return {std::nullopt, CliText::tr("no command given")};
    }
    if (parsed.help)
        return {parsed, {}};
    QString section; // the section flag given last, if any
    for (const Token &token : std::as_const(switches)) {
        const SwitchSpec *spec = section.isEmpty() ? nullptr : parsed.command->findSwitch(token.name, section);
        if (!spec)
            spec = parsed.command->findSwitch(token.name);
        if (!spec) {
            const bool laterOnly = std::any_of(parsed.command->switches.cbegin(), parsed.command->switches.cend(),
                                               [&](const SwitchSpec &s) { return s.name.compare(token.name, Qt::CaseInsensitive) == 0; });
            return {std::nullopt, laterOnly ? CliText::tr("/%1 goes after its section's flag (see /%2 /?)").arg(token.name, parsed.command->name)
                                            : CliText::tr("/%1 has no switch /%2").arg(parsed.command->name, token.name)};
        }
        const QString key = spec->section.isEmpty() ? spec->name : spec->section + u'/' + spec->name;
        if (parsed.values.contains(key))
            return {std::nullopt, CliText::tr("/%1 is given twice").arg(spec->name)};
        QString canonical;
        const QString problem = checkValue(*spec, token, &canonical);
        if (!problem.isEmpty())
            return {std::nullopt, problem};
        parsed.values.insert(key, canonical);
        if (spec->kind == ValueKind::Flag && parsed.command->isSection(spec->name))
            section = spec->name;
    }
    for (const SwitchSpec &spec : parsed.command->switches) {
        const bool applies = spec.section.isEmpty() || parsed.values.contains(spec.section);
        const QString key = spec.section.isEmpty() ? spec.name : spec.section + u'/' + spec.name;
        if (spec.required && applies && !parsed.values.contains(key))
            return {std::nullopt, CliText::tr("/%1 needs /%2").arg(parsed.command->name, spec.name)};
    }
    return {parsed, {}};
}

QString generalHelp()
{
    QString text = CliText::tr("deploycast - manage Deploycast multicast servers, in WDSUTIL's syntax.\n\n"
                   "Usage: deploycast /<Command> [/<Switch>[:<value>] ...]\n"
                   "       deploycast /<Command> /?     help for one command\n\n"
                   "Commands and switches are case-insensitive.\n\nCommands:\n");
    for (const CommandSpec &spec : commandSpecs())
        text += QStringLiteral("  /%1\n      %2\n").arg(spec.name, -32).arg(spec.summary);
    text += CliText::tr("\nExit codes: 0 success, 1 the server refused or failed the request, 2 usage error,\n"
            "3 server unreachable, 4 connection lost or protocol error.\n");
    return text;
}

QString commandHelp(const CommandSpec &command)
{
    QString usage = u"deploycast /"_qs + command.name;
    QString details;
    for (const SwitchSpec &spec : command.switches) {
        QString form = u'/' + spec.name;
        if (spec.kind == ValueKind::Choice)
            form += u":{"_qs + spec.choices.join(u" | "_qs) + u'}';
        else if (spec.kind != ValueKind::Flag)
            form += u':' + spec.valueHint;
        usage += spec.required ? u' ' + form : u" ["_qs + form + u']';
        const QString where = spec.section.isEmpty() ? QString() : CliText::tr("(after /%1) ").arg(spec.section);
        details += QStringLiteral("  %1\n      %2%3\n").arg(form, where, spec.help);
    }
    QString text = CliText::tr("%1\n\nUsage: %2\n\nSwitches:\n%3").arg(command.summary, usage, details);
    if (!command.examples.isEmpty())
        text += CliText::tr("\nExamples:\n  ") + command.examples.join(u"\n  "_qs) + u'\n';
    return text;
}

} // namespace deploycast::cli
