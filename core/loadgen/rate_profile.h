// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRandomGenerator>
#include <QString>

#include <optional>

namespace deploycast {

// How fast deploycast-loadgen's clients claim to receive:
//   steady:RATE       every client near RATE
//   uniform:MIN-MAX   each client picks a rate between MIN and MAX
// Rates are bytes per second with an optional K, M or G (powers of 1000).
// Each report varies its client's rate by up to ±20%, as real links do.
struct RateProfile {
    qint64 minimum = 64'000;
    qint64 maximum = 4'000'000;

    static std::optional<RateProfile> parse(const QString &text, QString *error);
    qint64 pickBaseRate(QRandomGenerator &random) const;
    static qint64 jittered(qint64 baseRate, QRandomGenerator &random);
};

// "4M" → 4,000,000; nullopt for anything else.
std::optional<qint64> parseRate(const QString &text);

} // namespace deploycast
