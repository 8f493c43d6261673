// SPDX-License-Identifier: GPL-3.0-or-later
#include "crc32c.h"

#include <array>
#include <cstring>

namespace deploycast {
namespace {

constexpr std::uint32_t kPolynomial = 0x82F63B78u; // reflected Castagnoli

using Tables = std::array<std::array<std::uint32_t, 256>, 8>;

constexpr Tables makeTables()
{
    Tables tables{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t crc = i;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ ((crc & 1u) ? kPolynomial : 0u);
        tables[0][i] = crc;
    }
    for (std::size_t t = 1; t < 8; ++t)
        for (std::size_t i = 0; i < 256; ++i)
            tables[t][i] = (tables[t - 1][i] >> 8) ^ tables[0][tables[t - 1][i] & 0xFFu];
    return tables;
}

constexpr Tables kTables = makeTables();

// Slice-by-8: for processors without the CRC-32C instruction.
std::uint32_t crc32cSoftware(const unsigned char *p, std::size_t length, std::uint32_t crc)
{
    crc = ~crc;
    while (length >= 8) {
        const std::uint32_t lo = crc ^ (std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8
                                        | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24);
        crc = kTables[7][lo & 0xFF] ^ kTables[6][(lo >> 8) & 0xFF] ^ kTables[5][(lo >> 16) & 0xFF]
              ^ kTables[4][lo >> 24] ^ kTables[3][p[4]] ^ kTables[2][p[5]] ^ kTables[1][p[6]]
              ^ kTables[0][p[7]];
        p += 8;
        length -= 8;
    }
    while (length--)
        crc = (crc >> 8) ^ kTables[0][(crc ^ *p++) & 0xFFu];
    return ~crc;
}

#if defined(__x86_64__)
// SSE 4.2 has CRC-32C as an instruction, several times faster than tables:
// every datagram is checked on both ends, so this is on the hot path.
__attribute__((target("sse4.2"))) std::uint32_t crc32cHardware(const unsigned char *p, std::size_t length,
                                                                std::uint32_t crc)
{
    std::uint64_t wide = ~crc;
    while (length >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        wide = __builtin_ia32_crc32di(wide, word);
        p += 8;
        length -= 8;
    }
    auto narrow = std::uint32_t(wide);
    while (length--)
        narrow = __builtin_ia32_crc32qi(narrow, *p++);
    return ~narrow;
}

const bool kHasCrcInstruction = __builtin_cpu_supports("sse4.2");
#endif

} // namespace

std::uint32_t crc32c(const void *data, std::size_t length, std::uint32_t crc)
{
    const auto *bytes = static_cast<const unsigned char *>(data);
#if defined(__x86_64__)
    if (kHasCrcInstruction)
        return crc32cHardware(bytes, length, crc);
#endif
    return crc32cSoftware(bytes, length, crc);
}

std::uint32_t crc32cPortable(const void *data, std::size_t length, std::uint32_t crc)
{
    return crc32cSoftware(static_cast<const unsigned char *>(data), length, crc);
}

} // namespace deploycast
