// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace deploycast::cli {

class CliRunner;
// The member of CliRunner that carries a command out.
using CommandHandler = void (CliRunner::*)();

enum class ValueKind {
    Flag,    // /Force
    Text,    // /FriendlyName:<text>
    Integer, // /ClientId:<n>, a positive 32-bit number
    Choice,  // /Show:{Clients}
    Time,    // /Time:YYYY/MM/DD:hh:mm
};

struct SwitchSpec {
    QString name;       // canonical spelling, e.g. "ClientId"
    ValueKind kind = ValueKind::Text;
    bool required = false;
    QStringList choices; // Choice only, canonical spellings
    QString valueHint;  // e.g. "<id>" in help
    QString help;
    // Set for a switch that comes after a flag of the command, as WDSUTIL's
    // /ReplacementImage /ImageFile:… /Name:…: accepted only after that flag,
    // kept under "Section/Name", and required only if the flag is given.
    QString section = {};
};

// One WDSUTIL-style command and its switches: the single source for parsing,
// /? help and docs/cli.md.
struct CommandSpec {
    QString name; // e.g. "Disconnect-Client"
    QString summary;
    QList<SwitchSpec> switches;
    QStringList examples;
    CommandHandler run = nullptr;

    const SwitchSpec *findSwitch(const QString &name, const QString &section = {}) const; // case-insensitive
    bool isSection(const QString &flagName) const; // some switch belongs after this flag
};

const QList<CommandSpec> &commandSpecs();
const CommandSpec *findCommand(const QString &name); // case-insensitive

} // namespace deploycast::cli
