// SPDX-License-Identifier: GPL-3.0-or-later
// The length-prefixed CBOR framing every connection starts with: whatever
// bytes arrive, in whatever pieces, the decoder must end in a frame, a wait
// for more, or a clean error; never a crash or an allocation of the declared
// length before the bytes are there.
#include "protocol/frame_codec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace deploycast;
    FrameDecoder decoder(64 * 1024);
    // The first byte picks how the rest is cut into reads, as TCP might.
    const std::size_t piece = size > 0 ? 1 + data[0] % 97 : 1;
    for (std::size_t at = size > 0 ? 1 : 0; at < size && !decoder.hasError(); at += piece) {
        decoder.append(QByteArray(reinterpret_cast<const char *>(data + at), qsizetype(std::min(piece, size - at))));
        while (decoder.next()) {
        }
    }
    return 0;
}
