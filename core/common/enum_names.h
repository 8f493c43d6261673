// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace deploycast {

// Enum <-> wire-name tables: each enum lists its names once, as
// `const std::pair<Enum, const char *> table[]`, and these two look it up.

template<typename Enum, std::size_t N>
QString nameOf(Enum value, const std::pair<Enum, const char *> (&table)[N])
{
    for (const auto &[candidate, name] : table)
        if (candidate == value)
            return QLatin1String(name);
    return {};
}

// Case-insensitive, as every Deploycast name is on input.
template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const QString &text, const std::pair<Enum, const char *> (&table)[N])
{
    for (const auto &[value, name] : table)
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return value;
    return std::nullopt;
}

} // namespace deploycast
