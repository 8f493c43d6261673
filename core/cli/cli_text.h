// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace deploycast::cli {

// The translation context of the command line's help and messages, for code
// that is not a QObject: CliText::tr("..."). Command and switch names are
// never translated, as in WDSUTIL.
struct CliText {
    Q_DECLARE_TR_FUNCTIONS(CliText)
};

} // namespace deploycast::cli
