// SPDX-License-Identifier: GPL-3.0-or-later
// What a receiver decodes from its server: the join reply and the chunk
// digests that follow it, and the check of chunks against them. A server is
// only pinned when the admin gave its fingerprint, so these may come from
// anyone who can answer on its address.
#include "fuzz_support.h"
#include "receiver/chunk_verifier.h"
#include "receiver/receiver_link.h"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace deploycast;
    fuzz::ensureApplication();
    std::optional<JoinReply> joined;
    ChunkVerifier verifier;
    fuzz::forEachMessage(data, size, [&](const QCborMap &message) {
        const QCborMap params = message.value(u"params"_qs).toMap();
        if (const auto reply = JoinReply::fromCbor(message.value(u"result"_qs).toMap())) {
            // A reply that passes describes an image a receiver can hold.
            if (reply->blockCount <= 0 || reply->blockCount > 0xFFFFFFFFll || reply->clientId == 0)
                __builtin_trap();
            joined = reply;
            verifier.start(std::uint32_t(std::min<qint64>(reply->blockCount, 1 << 16)), reply->chunkCount > 0,
                           [](std::uint32_t, QByteArray *bytes) {
                               *bytes = QByteArray(16, 'x');
                               return true;
                           });
        }
        const auto batch = DigestBatch::fromCbor(params);
        if (batch && joined) {
            (void)verifier.addDigests(batch->first, batch->sha256);
            std::vector<std::uint32_t> bad;
            (void)verifier.stored(0, 3 * kChunkBlocks, &bad);
            (void)verifier.checkWaiting(&bad);
            for (std::uint32_t chunk : bad)
                if (chunk >= verifier.chunkCount())
                    __builtin_trap();
        }
    });
    return 0;
}
