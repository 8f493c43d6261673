// SPDX-License-Identifier: GPL-3.0-or-later
// The WDSUTIL-style grammar of `deploycast`: arguments split at NUL bytes,
// as a shell would hand them over. Every input ends in a command or a
// usage error, and help text can be made for whatever was parsed.
#include "cli/command_line.h"

#include <QStringList>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace deploycast::cli;
    const QStringList arguments = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size))
                                      .split(QChar(0), Qt::KeepEmptyParts);
    const ParseResult result = parseCommandLine(arguments);
    if (result.parsed && result.parsed->command) {
        (void)commandHelp(*result.parsed->command);
        for (const SwitchSpec &spec : result.parsed->command->switches)
            if (spec.kind == ValueKind::Time && result.parsed->has(spec.name))
                (void)result.parsed->time(spec.name);
    }
    return 0;
}
