// SPDX-License-Identifier: GPL-3.0-or-later
#include "frame_bytes.h"
#include "common/cbor_values.h"
#include "domain/session_info.h"
#include "protocol/frame_codec.h"
#include "protocol/messages.h"

#include <QCborArray>
#include <QRandomGenerator>
#include <QTest>

using namespace deploycast;


class TestFrameCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        const QCborMap message = proto::request(7, u"getSession"_qs, {{u"name"_qs, u"Lab"_qs}});
        FrameDecoder decoder;
        decoder.append(encodeFrame(message));
        const std::optional<QCborMap> decoded = decoder.next();
        QVERIFY(decoded);
        QCOMPARE(*decoded, message);
        QVERIFY(!decoder.next());
        QVERIFY(!decoder.hasError());
    }

    void bytesArriveOneByOne()
    {
        const QCborMap first = proto::hello(u"admin"_qs, u"test"_qs);
        const QCborMap second = proto::notify(u"status"_qs, {{u"bytes"_qs, 123}});
        const QByteArray stream = encodeFrame(first) + encodeFrame(second);
        FrameDecoder decoder;
        QList<QCborMap> received;
        for (char byte : stream) {
            decoder.append(QByteArray(1, byte));
            while (std::optional<QCborMap> message = decoder.next())
                received.append(*message);
        }
        QCOMPARE(received, (QList<QCborMap>{first, second}));
        QVERIFY(!decoder.hasError());
    }

    void oversizedDeclaredLengthFailsBeforeBuffering()
    {
        FrameDecoder decoder(1024);
        decoder.append(lengthPrefix(1025));
        QVERIFY(!decoder.next());
        QVERIFY(decoder.hasError());
        QVERIFY(decoder.errorString().contains(u"exceeds"_qs));
        // Nothing more is buffered once failed.
        decoder.append(QByteArray(4096, 'x'));
        QCOMPARE(decoder.bufferedBytes(), 0);
        QVERIFY(!decoder.next());
    }

    void hugeLengthDoesNotAllocate()
    {
        FrameDecoder decoder;
        decoder.append(lengthPrefix(0xFFFFFFFFu));
        QVERIFY(!decoder.next());
        QVERIFY(decoder.hasError());
    }

    void malformedBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty frame") << QByteArray() << u"empty frame"_qs;
        QTest::newRow("garbage") << QByteArray("\xff\xfe\xfd\x00garbage", 11) << u"malformed CBOR"_qs;
        QTest::newRow("truncated map") << QByteArray("\xa2\x61\x61", 3) << u"malformed CBOR"_qs;
        QTest::newRow("array, not map") << QCborValue(QCborArray{1, 2}).toCbor() << u"must hold a CBOR map"_qs;
        QTest::newRow("integer") << QCborValue(42).toCbor() << u"must hold a CBOR map"_qs;
        QTest::newRow("trailing bytes") << QCborValue(QCborMap{{1, 2}}).toCbor() + "\x01" << u"trailing bytes"_qs;
    }

    void malformedBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        FrameDecoder decoder;
        decoder.append(lengthPrefix(quint32(body.size())) + body);
        QVERIFY(!decoder.next());
        QVERIFY(decoder.hasError());
        QVERIFY2(decoder.errorString().contains(expected), qPrintable(decoder.errorString()));
    }

    void truncatedFrameWaitsForMore()
    {
        const QByteArray frame = encodeFrame(proto::welcome(u"server"_qs, u"admin"_qs));
        FrameDecoder decoder;
        decoder.append(frame.left(frame.size() - 1));
        QVERIFY(!decoder.next());
        QVERIFY(!decoder.hasError());
        decoder.append(frame.right(1));
        QVERIFY(decoder.next());
    }

    void hostileNumbersAreClampedNotCast()
    {
        // A double where an integer belongs: Qt's toInteger() would cast it
        // (undefined for these); integerOf clamps, and NaN or text gives the fallback.
        QCOMPARE(integerOf(QCborValue(1e300)), std::numeric_limits<qint64>::max());
        QCOMPARE(integerOf(QCborValue(-1e300)), std::numeric_limits<qint64>::min());
        QCOMPARE(integerOf(QCborValue(std::nan("")), 7), 7);
        QCOMPARE(integerOf(QCborValue(u"12"_qs), -1), -1);
        QCOMPARE(integerOf(QCborValue(41.9)), 41);
        const SessionInfo session = SessionInfo::fromCbor({{u"id"_qs, 1e300}, {u"size"_qs, std::nan("")}});
        QCOMPARE(session.size, 0);
    }

    void randomGarbageNeverCrashes()
    {
        // Deterministic noise: every outcome must be a message or an error.
        QRandomGenerator random(20261126);
        for (int round = 0; round < 2000; ++round) {
            QByteArray noise(int(random.bounded(64)), Qt::Uninitialized);
            for (char &byte : noise)
                byte = char(random.bounded(256));
            FrameDecoder decoder(4096);
            decoder.append(lengthPrefix(quint32(noise.size())) + noise);
            while (decoder.next()) {
            }
            QVERIFY(decoder.hasError() || decoder.bufferedBytes() == 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestFrameCodec)
#include "tst_frame_codec.moc"
