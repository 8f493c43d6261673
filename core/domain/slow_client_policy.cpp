// SPDX-License-Identifier: GPL-3.0-or-later
#include "slow_client_policy.h"

#include "common/cbor_values.h"
#include "common/enum_names.h"

namespace deploycast {
namespace {
const std::pair<SlowClientPolicy::Kind, const char *> kKinds[] = {{SlowClientPolicy::Kind::None, "None"},
                                                                   {SlowClientPolicy::Kind::AutoDisconnect, "AutoDisconnect"},
                                                                   {SlowClientPolicy::Kind::Multistream, "Multistream"}};
}

QString toText(SlowClientPolicy::Kind kind)
{
    return nameOf(kind, kKinds);
}

std::optional<SlowClientPolicy::Kind> slowClientPolicyFromString(const QString &text)
{
    return valueOf(text, kKinds);
}

QCborMap SlowClientPolicy::toCbor() const
{
    return {{u"policy"_qs, toText(kind)},
            {u"thresholdKBps"_qs, thresholdKBps},
            {u"streamCount"_qs, streamCount},
            {u"fallback"_qs, fallback}};
}

SlowClientPolicy SlowClientPolicy::fromCbor(const QCborMap &map)
{
    SlowClientPolicy policy;
    policy.kind = slowClientPolicyFromString(map.value(u"policy"_qs).toString()).value_or(Kind::None);
    policy.thresholdKBps = std::max<qint64>(0, integerOf(map.value(u"thresholdKBps"_qs)));
    policy.streamCount = int(std::clamp<qint64>(integerOf(map.value(u"streamCount"_qs), 2), 2, 3));
    policy.fallback = map.value(u"fallback"_qs).toBool(true);
    return policy;
}

} // namespace deploycast
