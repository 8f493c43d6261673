// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCborValue>
#include <QString>

namespace deploycast {

// A short, JSON-like rendering of a CBOR value for logs and the audit log:
// {"ids":[17,18],"force":true}. It stops at maxChars (ending in "…"), and
// its cost follows what it writes, not the size of the value: a request
// with 100,000 keys costs no more to summarise than one with ten.
QString summarize(const QCborValue &value, int maxChars);

} // namespace deploycast
