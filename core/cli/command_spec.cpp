// SPDX-License-Identifier: GPL-3.0-or-later
#include "command_spec.h"

#include "cli_text.h"
#include "spec_builders.h"

namespace deploycast::cli {

const SwitchSpec *CommandSpec::findSwitch(const QString &switchName, const QString &section) const
{
    for (const SwitchSpec &candidate : switches)
        if (candidate.section == section && candidate.name.compare(switchName, Qt::CaseInsensitive) == 0)
            return &candidate;
    return nullptr;
}

bool CommandSpec::isSection(const QString &flagName) const
{
    return std::any_of(switches.cbegin(), switches.cend(), [&](const SwitchSpec &candidate) { return candidate.section == flagName; });
}

namespace {

// Every command that talks to a server also takes how to trust it and
// which token to show it, and every command takes WDSUTIL's [Options].
QList<CommandSpec> withCommonSwitches(QList<CommandSpec> specs)
{
    const SwitchSpec verbose{u"Verbose"_qs, ValueKind::Flag, false, {}, {},
                             CliText::tr("Say more: the server reached, each request sent and how long it took (on "
                                         "standard error, so /Format:Json stays clean).")};
    const SwitchSpec progress{u"Progress"_qs, ValueKind::Flag, false, {}, {},
                              CliText::tr("Show progress of long operations on standard error.")};
    const SwitchSpec trustNew{u"TrustNew"_qs, ValueKind::Flag, false, {}, {},
                              CliText::tr("Pin the server's certificate if it has none pinned yet (compare its "
                                          "fingerprint with the one deploycastd logs first). Without it, an unknown "
                                          "certificate is refused.")};
    const SwitchSpec tokenFile{u"TokenFile"_qs, ValueKind::Text, false, {}, u"<path>"_qs,
                               CliText::tr("A file holding the management token. Default: $DEPLOYCAST_TOKEN, then the "
                                           "file named by $DEPLOYCAST_TOKEN_FILE, then, for a server on this machine, "
                                           "its own token file if readable.")};
    for (CommandSpec &spec : specs) {
        if (spec.findSwitch(u"Server"_qs)) {
            spec.switches.append(trustNew);
            spec.switches.append(tokenFile);
        }
        spec.switches.append(verbose);
        spec.switches.append(progress);
    }
    return specs;
}

} // namespace

const QList<CommandSpec> &commandSpecs()
{
    static const QList<CommandSpec> specs = withCommonSwitches(specs::sessionCommands() + specs::serverCommands() + specs::catalogCommands());
    return specs;
}

const CommandSpec *findCommand(const QString &name)
{
    for (const CommandSpec &spec : commandSpecs())
        if (spec.name.compare(name, Qt::CaseInsensitive) == 0)
            return &spec;
    return nullptr;
}

} // namespace deploycast::cli
