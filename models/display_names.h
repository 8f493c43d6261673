// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/client_info.h"
#include "domain/session_info.h"

#include <QCoreApplication>

namespace deploycast {

// What the console shows for states, translated. The wire keeps its own
// fixed English names (toText); these are only for people.
struct DisplayNames {
    Q_DECLARE_TR_FUNCTIONS(DisplayNames)
public:
    static QString of(SessionState state);
    static QString of(ClientState state);
    // Why a session cannot be served yet ("Preparing (42%)"); empty when it can.
    static QString conditionOf(const SessionInfo &session);
    // A Multistream stream's wire name ("fast", "medium", "slow").
    static QString ofStream(const QString &stream);
};

} // namespace deploycast
