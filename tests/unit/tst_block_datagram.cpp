// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/crc32c.h"
#include "protocol/block_datagram.h"

#include <QTest>

#include <cstring>

using namespace deploycast;

class TestBlockDatagram : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void crc32cKnownAnswers()
    {
        // RFC 3720 B.4 check value and test vectors.
        QCOMPARE(crc32c("123456789", 9), 0xE3069283u);
        const unsigned char zeros[32] = {};
        QCOMPARE(crc32c(zeros, sizeof zeros), 0x8A9136AAu);
        unsigned char ascending[32];
        for (int i = 0; i < 32; ++i)
            ascending[i] = static_cast<unsigned char>(i);
        QCOMPARE(crc32c(ascending, sizeof ascending), 0x46DD794Eu);
        // Incremental use gives the same answer as one call.
        QCOMPARE(crc32c("56789", 5, crc32c("1234", 4)), 0xE3069283u);
    }

    void hardwareAndPortableAgree()
    {
        unsigned char data[1500];
        for (std::size_t i = 0; i < sizeof data; ++i)
            data[i] = static_cast<unsigned char>(i * 31 + 7);
        for (std::size_t length : {std::size_t(0), std::size_t(1), std::size_t(7), std::size_t(8), std::size_t(9),
                                   std::size_t(1400), sizeof data})
            QCOMPARE(crc32c(data, length, 0x1234u), crc32cPortable(data, length, 0x1234u));
        QCOMPARE(crc32cPortable("123456789", 9), 0xE3069283u);
    }

    void roundTrip()
    {
        unsigned char payload[kBlockPayloadSize];
        for (std::size_t i = 0; i < sizeof payload; ++i)
            payload[i] = static_cast<unsigned char>(i * 7);
        BlockHeader header{0xCAFEF00D, 41, 42, 1000, BlockFlag::Repair};
        unsigned char datagram[kMaxBlockDatagram];
        const std::size_t size = writeBlockDatagram(datagram, header, payload);
        QCOMPARE(size, kBlockHeaderSize + 1000);

        BlockHeader parsed;
        const unsigned char *body = nullptr;
        QCOMPARE(parseBlockDatagram(datagram, size, &parsed, &body), DatagramStatus::Ok);
        QCOMPARE(parsed.session, header.session);
        QCOMPARE(parsed.index, 41u);
        QCOMPARE(parsed.count, 42u);
        QCOMPARE(parsed.length, 1000);
        QCOMPARE(parsed.flags, BlockFlag::Repair);
        QVERIFY(std::memcmp(body, payload, 1000) == 0);
    }

    void damageIsDetected()
    {
        const unsigned char payload[100] = {1, 2, 3};
        unsigned char datagram[kMaxBlockDatagram];
        const std::size_t size = writeBlockDatagram(datagram, {1, 0, 1, 100, 0}, payload);
        BlockHeader parsed;
        const unsigned char *body = nullptr;

        for (std::size_t position : {std::size_t(5), std::size_t(19), kBlockHeaderSize + 50}) {
            unsigned char copy[kMaxBlockDatagram];
            std::memcpy(copy, datagram, size);
            copy[position] ^= 0x01;
            QCOMPARE(parseBlockDatagram(copy, size, &parsed, &body), DatagramStatus::BadChecksum);
        }
        QCOMPARE(parseBlockDatagram(datagram, 10, &parsed, &body), DatagramStatus::TooShort);
        QCOMPARE(parseBlockDatagram(datagram, size - 1, &parsed, &body), DatagramStatus::BadLength);
        unsigned char wrongMagic[kMaxBlockDatagram];
        std::memcpy(wrongMagic, datagram, size);
        wrongMagic[0] = 'X';
        QCOMPARE(parseBlockDatagram(wrongMagic, size, &parsed, &body), DatagramStatus::BadMagic);
    }

    void indexBeyondCountIsRefused()
    {
        const unsigned char payload[1] = {9};
        unsigned char datagram[kMaxBlockDatagram];
        const std::size_t size = writeBlockDatagram(datagram, {1, 5, 5, 1, 0}, payload);
        BlockHeader parsed;
        const unsigned char *body = nullptr;
        QCOMPARE(parseBlockDatagram(datagram, size, &parsed, &body), DatagramStatus::BadLength);
    }
};

QTEST_GUILESS_MAIN(TestBlockDatagram)
#include "tst_block_datagram.moc"
