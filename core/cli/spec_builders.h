// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command_spec.h"

// Switches that several commands share, and short ways to write the rest,
// for the spec tables (session_specs.cpp, server_specs.cpp, catalog_specs.cpp).
namespace deploycast::cli::specs {

SwitchSpec server();
SwitchSpec format();
SwitchSpec text(const char *name, bool required, const char *hint, const QString &help);
SwitchSpec flag(const char *name, const QString &help);
SwitchSpec choice(const char *name, bool required, const QStringList &choices, const QString &help);
// A switch that belongs after a section flag (/ReplacementImage /Name:…).
SwitchSpec inSection(SwitchSpec spec, const char *section);
SwitchSpec castType(const char *name);
SwitchSpec startTime();
SwitchSpec requireJoinToken();
SwitchSpec clientCount();
// /Details:Clients, WDSUTIL's later spelling of /Show:Clients.
SwitchSpec detailsClients();
// How WDSUTIL names an image: /Image with /ImageType, /ImageGroup or
// /Architecture, and /Filename.
QList<SwitchSpec> imageSwitches(bool imageRequired, const QString &imageHelp);
QList<SwitchSpec> transportSwitches(bool withTransportFlag);

QList<CommandSpec> sessionCommands();
QList<CommandSpec> serverCommands();
QList<CommandSpec> catalogCommands();

} // namespace deploycast::cli::specs
