#include "log.h"

Q_LOGGING_CATEGORY(lcMgmt, "deploycast.mgmt")
Q_LOGGING_CATEGORY(lcTransfer, "deploycast.transfer")
Q_LOGGING_CATEGORY(lcReceiver, "deploycast.receiver")
Q_LOGGING_CATEGORY(lcState, "deploycast.state")
