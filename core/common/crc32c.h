// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

namespace deploycast {

// CRC-32C (Castagnoli), as used by iSCSI and ext4: the checksum of every
// multicast block. Uses the SSE 4.2 instruction where the processor has it.
std::uint32_t crc32c(const void *data, std::size_t length, std::uint32_t crc = 0);
// The table-driven version, always; the tests check both give the same answers.
std::uint32_t crc32cPortable(const void *data, std::size_t length, std::uint32_t crc = 0);

} // namespace deploycast
