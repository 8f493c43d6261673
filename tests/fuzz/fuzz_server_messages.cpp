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
        (void)rangesFromCbor(params.value(u"ranges"_qs), 1u << 20, 4096);
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
