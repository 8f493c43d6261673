// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command_spec.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace deploycast::cli {

// A command line parsed against the specs: WDSUTIL's grammar of one
// /Command-Name and /Switch[:value] tokens, all case-insensitive, with '-'
// accepted in place of '/'.
struct ParsedCommand {
    const CommandSpec *command = nullptr; // null with help: general help
    bool help = false;                    // "/?" given
    QHash<QString, QString> values;       // by canonical switch name ("Section/Name" in a section); flags map to ""

    bool has(const QString &switchName) const { return values.contains(switchName); }
    QString value(const QString &switchName) const { return values.value(switchName); }
    quint32 integer(const QString &switchName) const { return values.value(switchName).toUInt(); }
    QDateTime time(const QString &switchName) const; // a validated /Time value
};

struct ParseResult {
    std::optional<ParsedCommand> parsed;
    QString error; // set when parsed is empty: what was wrong, for the usage message
};

ParseResult parseCommandLine(const QStringList &arguments);

// "YYYY/MM/DD:hh:mm" in local time, as WDSUTIL writes it.
QDateTime parseWdsTime(const QString &text);

QString generalHelp();
QString commandHelp(const CommandSpec &command);

} // namespace deploycast::cli
