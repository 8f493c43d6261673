// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_datagram.h"

#include "common/crc32c.h"

#include <QtEndian>

#include <cstring>

namespace deploycast {
namespace {
constexpr std::size_t kCrcOffset = 20;
}

std::size_t writeBlockDatagram(unsigned char *out, const BlockHeader &header, const void *payload)
{
    qToBigEndian<quint32>(kBlockMagic, out);
    qToBigEndian<quint32>(header.session, out + 4);
    qToBigEndian<quint32>(header.index, out + 8);
    qToBigEndian<quint32>(header.count, out + 12);
    qToBigEndian<quint16>(header.length, out + 16);
    out[18] = header.flags;
    out[19] = 0;
    std::memcpy(out + kBlockHeaderSize, payload, header.length);
    std::uint32_t crc = crc32c(out, kCrcOffset);
    crc = crc32c(out + kBlockHeaderSize, header.length, crc);
    qToBigEndian<quint32>(crc, out + kCrcOffset);
    return kBlockHeaderSize + header.length;
}

DatagramStatus parseBlockDatagram(const unsigned char *data, std::size_t size, BlockHeader *header,
                                  const unsigned char **payload)
{
    if (size < kBlockHeaderSize)
        return DatagramStatus::TooShort;
    if (qFromBigEndian<quint32>(data) != kBlockMagic)
        return DatagramStatus::BadMagic;
    header->session = qFromBigEndian<quint32>(data + 4);
    header->index = qFromBigEndian<quint32>(data + 8);
    header->count = qFromBigEndian<quint32>(data + 12);
    header->length = qFromBigEndian<quint16>(data + 16);
    header->flags = data[18];
    if (header->length > kBlockPayloadSize || size != kBlockHeaderSize + header->length
        || header->index >= header->count)
        return DatagramStatus::BadLength;
    std::uint32_t crc = crc32c(data, kCrcOffset);
    crc = crc32c(data + kBlockHeaderSize, header->length, crc);
    if (crc != qFromBigEndian<quint32>(data + kCrcOffset))
        return DatagramStatus::BadChecksum;
    *payload = data + kBlockHeaderSize;
    return DatagramStatus::Ok;
}

} // namespace deploycast
