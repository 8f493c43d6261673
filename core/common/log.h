#pragma once

#include <QLoggingCategory>

// Logging categories, one per subsystem. Enable debug output with e.g.
// QT_LOGGING_RULES="deploycast.transfer.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcMgmt)      // deploycast.mgmt
Q_DECLARE_LOGGING_CATEGORY(lcTransfer)  // deploycast.transfer
Q_DECLARE_LOGGING_CATEGORY(lcReceiver)  // deploycast.receiver
Q_DECLARE_LOGGING_CATEGORY(lcState)     // deploycast.state
