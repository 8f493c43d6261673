// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Logging categories, one per subsystem. Enable debug output with e.g.
// QT_LOGGING_RULES="deploycast.transfer.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcMgmt)      // deploycast.mgmt
Q_DECLARE_LOGGING_CATEGORY(lcTransfer)  // deploycast.transfer
Q_DECLARE_LOGGING_CATEGORY(lcReceiver)  // deploycast.receiver
Q_DECLARE_LOGGING_CATEGORY(lcState)     // deploycast.state

namespace deploycast {
// How log lines look: with the time, on a terminal or in a file; under
// systemd (JOURNAL_STREAM set), with the "<N>" priority prefix that the
// journal reads and without the time, which the journal adds.
void installLogFormat();
} // namespace deploycast
