// SPDX-License-Identifier: GPL-3.0-or-later
// What the server decodes from its peers' messages: a receiver's join,
// status and NAK (client fields, ranges), and an admin's requests (session
// requests, policies, client IDs). Each frame is read as all of them.
#include "domain/client_info.h"
#include "domain/session_info.h"
#include "domain/slow_client_policy.h"
#include "fuzz_support.h"
#include "protocol/messages.h"
#include "protocol/range_codec.h"

#include <QCborArray>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace deploycast;
    fuzz::forEachMessage(data, size, [](const QCborMap &message) {
        (void)proto::typeOf(message);
        (void)proto::errorFrom(message);
        const QCborMap params = message.value(u"params"_qs).toMap();
        const std::vector<BlockRange> ranges = rangesFromCbor(params.value(u"ranges"_qs), 1u << 20, 4096);
        // What comes out is sorted, merged, inside the image, and cut down to
        // what went by (the NAK's path in the sender).
        for (std::size_t i = 0; i < ranges.size(); ++i)
            if (ranges[i].first > ranges[i].last || ranges[i].last >= (1u << 20)
                || (i > 0 && ranges[i].first <= ranges[i - 1].last + 1))
                __builtin_trap();
        if (blocksIn(intersection(ranges, {{100, 5000}, {9000, 9100}})) > blocksIn(ranges))
            __builtin_trap();
        (void)rangesFromCbor(params.value(u"ranges"_qs), 7, 4);
        (void)ClientInfo::fromCbor(params);
        (void)SessionInfo::fromCbor(params);
        (void)SlowClientPolicy::fromCbor(params);
        (void)sessionKindFromString(params.value(u"kind"_qs).toString());
        (void)castTypeFromString(params.value(u"type"_qs).toString());
        (void)clientStateFromString(params.value(u"state"_qs).toString());
        for (const QCborValue &id : params.value(u"ids"_qs).toArray())
            (void)id.toInteger(-1);
    });
    return 0;
}
