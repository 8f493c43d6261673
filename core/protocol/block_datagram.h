// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

namespace deploycast {

// One multicast data datagram (docs/protocol.md, "Multicast data"):
//
//   0  u32 magic "DCB1"        12 u32 block count
//   4  u32 session token       16 u16 payload length   18 u8 flags   19 u8 zero
//   8  u32 block index         20 u32 CRC-32C of bytes 0..19 and the payload
//   24 payload
//
// All integers are big-endian. 1400 bytes of payload keeps the datagram under
// a 1500-byte Ethernet MTU with IPv4 and UDP headers, so it never fragments.
inline constexpr std::size_t kBlockHeaderSize = 24;
inline constexpr std::size_t kBlockPayloadSize = 1400;
inline constexpr std::size_t kMaxBlockDatagram = kBlockHeaderSize + kBlockPayloadSize;
inline constexpr std::uint32_t kBlockMagic = 0x44434231; // "DCB1"

namespace BlockFlag {
inline constexpr std::uint8_t Repair = 0x01; // re-sent because a receiver asked
}

struct BlockHeader {
    std::uint32_t session = 0;
    std::uint32_t index = 0;
    std::uint32_t count = 0;
    std::uint16_t length = 0;
    std::uint8_t flags = 0;
};

enum class DatagramStatus { Ok, TooShort, BadMagic, BadLength, BadChecksum };

// Writes header and payload to out (at least kMaxBlockDatagram bytes) and
// returns the datagram's size.
std::size_t writeBlockDatagram(unsigned char *out, const BlockHeader &header, const void *payload);

// Checks and splits a received datagram. payload points into data.
DatagramStatus parseBlockDatagram(const unsigned char *data, std::size_t size, BlockHeader *header,
                                  const unsigned char **payload);

} // namespace deploycast
