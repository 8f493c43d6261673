// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCborValue>

#include <cmath>
#include <limits>

namespace deploycast {

// An integer from a CBOR value that came off the wire. QCborValue::toInteger()
// turns a double into an integer with a plain cast, which is undefined
// behaviour for NaN or a value out of range (fuzz_console_messages found it);
// every decoder goes through this instead. Doubles are clamped, NaN and
// other types give the fallback.
inline qint64 integerOf(const QCborValue &value, qint64 fallback = 0)
{
    if (value.isInteger())
        return value.toInteger();
    if (!value.isDouble())
        return fallback;
    const double number = value.toDouble();
    constexpr double kLimit = 9.2e18; // just inside qint64's range
    if (std::isnan(number))
        return fallback;
    if (number >= kLimit)
        return std::numeric_limits<qint64>::max();
    if (number <= -kLimit)
        return std::numeric_limits<qint64>::min();
    return qint64(number);
}

} // namespace deploycast
