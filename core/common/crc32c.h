#pragma once

#include <cstddef>
#include <cstdint>

namespace deploycast {

// CRC-32C (Castagnoli), as used by iSCSI and ext4: the checksum of every
// multicast block. Slice-by-8 in software; fast enough for the foundation.
std::uint32_t crc32c(const void *data, std::size_t length, std::uint32_t crc = 0);

} // namespace deploycast
