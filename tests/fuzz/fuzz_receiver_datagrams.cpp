// SPDX-License-Identifier: GPL-3.0-or-later
// The multicast block datagram, which anyone on the segment can send to a
// receiver: header, lengths and CRC32C must be checked before any use.
#include "protocol/block_datagram.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace deploycast;
    BlockHeader header;
    const unsigned char *payload = nullptr;
    if (parseBlockDatagram(data, size, &header, &payload) == DatagramStatus::Ok) {
        // A datagram that passes must describe bytes inside what arrived.
        if (payload < data || payload + header.length > data + size)
            __builtin_trap();
    }
    return 0;
}
