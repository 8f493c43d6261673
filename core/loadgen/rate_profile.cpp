// SPDX-License-Identifier: GPL-3.0-or-later
#include "rate_profile.h"

#include <QStringList>

namespace deploycast {

std::optional<qint64> parseRate(const QString &text)
{
    QString digits = text.trimmed().toUpper();
    qint64 unit = 1;
    if (digits.endsWith(u'K'))
        unit = 1'000;
    else if (digits.endsWith(u'M'))
        unit = 1'000'000;
    else if (digits.endsWith(u'G'))
        unit = 1'000'000'000;
    if (unit != 1)
        digits.chop(1);
    bool ok = false;
    const double value = digits.toDouble(&ok);
    if (!ok || value < 0 || value * double(unit) > 1e12)
        return std::nullopt;
    return qint64(value * double(unit));
}

std::optional<RateProfile> RateProfile::parse(const QString &text, QString *error)
{
    const qsizetype colon = text.indexOf(u':');
    const QString kind = text.left(colon);
    const QString value = colon < 0 ? QString() : text.mid(colon + 1);
    RateProfile profile;
    if (kind == u"steady") {
        const auto rate = parseRate(value);
        if (rate) {
            profile.minimum = profile.maximum = *rate;
            return profile;
        }
    } else if (kind == u"uniform") {
        const QStringList bounds = value.split(u'-');
        const auto low = bounds.size() == 2 ? parseRate(bounds[0]) : std::nullopt;
        const auto high = bounds.size() == 2 ? parseRate(bounds[1]) : std::nullopt;
        if (low && high && *low <= *high) {
            profile.minimum = *low;
            profile.maximum = *high;
            return profile;
        }
    }
    *error = QStringLiteral("'%1' is not a rate profile: use steady:RATE or uniform:MIN-MAX, "
                            "with rates such as 500K or 4M bytes per second").arg(text);
    return std::nullopt;
}

qint64 RateProfile::pickBaseRate(QRandomGenerator &random) const
{
    return minimum + qint64(random.bounded(double(maximum - minimum) + 1.0));
}

qint64 RateProfile::jittered(qint64 baseRate, QRandomGenerator &random)
{
    return qint64(double(baseRate) * (0.8 + random.bounded(0.4)));
}

} // namespace deploycast
