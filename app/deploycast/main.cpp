// SPDX-License-Identifier: GPL-3.0-or-later
// deploycast: the WDSUTIL-style command line. All the work is in core/cli.
#include "cli/cli_runner.h"
#include "cli/cli_text.h"
#include "cli/command_line.h"
#include "common/translations.h"

#include <QCoreApplication>

#include <cstdio>

using namespace deploycast;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"deploycast"_qs);
    installTranslations();
    QTextStream out(stdout);
    QTextStream err(stderr);

    const cli::ParseResult result = cli::parseCommandLine(app.arguments().mid(1));
    if (!result.parsed) {
        err << "deploycast: " << result.error << "\n\n";
        err << cli::CliText::tr("Usage: deploycast /<Command> [/<Switch>[:<value>] ...]; deploycast /? lists the commands.") << '\n';
        return cli::Exit::Usage;
    }
    if (result.parsed->help) {
        out << (result.parsed->command ? cli::commandHelp(*result.parsed->command) : cli::generalHelp());
        return cli::Exit::Success;
    }
    cli::CliRunner runner(*result.parsed, out, err);
    QObject::connect(&runner, &cli::CliRunner::finished, &app, &QCoreApplication::exit);
    runner.start();
    return app.exec();
}
