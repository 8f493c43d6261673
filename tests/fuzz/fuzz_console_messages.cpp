// SPDX-License-Identifier: GPL-3.0-or-later
// What a console decodes from a server: the subscribe snapshot and the
// pushed deltas, through ServerConnection's own decode path (the one live
// data and recordings take). A hostile or broken server must not crash it.
#include "client/server_connection.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace deploycast;
    fuzz::ensureApplication();
    ServerConnection server({QStringLiteral("fuzz"), 7405});
    bool first = true;
    fuzz::forEachMessage(data, size, [&](const QCborMap &message) {
        if (std::exchange(first, false))
            server.applySnapshot(message);
        else
            server.applyDelta(message);
    });
    return 0;
}
