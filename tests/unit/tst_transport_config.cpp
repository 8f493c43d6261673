// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/transport_config.h"

#include <QTest>

using namespace deploycast;

// The transport server's ranges: what is accepted, what is refused with the
// config unchanged, and which groups sessions and their streams get.
class TestTransportConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sessionsTakeGroupsOfTheInterfacesFamily()
    {
        Error error;
        const auto config = TransportConfig().updatedFrom(
            {{u"ipv4Start"_qs, u"239.0.0.1"_qs}, {u"ipv4End"_qs, u"239.0.0.100"_qs},
             {u"ipv6Start"_qs, u"ff15::1:1"_qs}, {u"ipv6End"_qs, u"ff15::1:ff"_qs}}, &error);
        QVERIFY2(config, qPrintable(error.message));
        QCOMPARE(config->groupFor(1, QAbstractSocket::IPv4Protocol), QHostAddress(u"239.0.0.1"_qs));
        QCOMPARE(config->groupFor(101, QAbstractSocket::IPv4Protocol), QHostAddress(u"239.0.0.1"_qs));
        QCOMPARE(config->groupFor(1, QAbstractSocket::IPv6Protocol), QHostAddress(u"ff15::1:1"_qs));
        QCOMPARE(config->groupFor(3, QAbstractSocket::IPv6Protocol), QHostAddress(u"ff15::1:3"_qs));
        QCOMPARE(config->groupFor(256, QAbstractSocket::IPv6Protocol), QHostAddress(u"ff15::1:1"_qs)); // 255 groups, then round again
    }

    void streamsStayInTheRangeOfTheirFamily()
    {
        Error error;
        const auto config = TransportConfig().updatedFrom({{u"ipv6Start"_qs, u"ff15::1:1"_qs}, {u"ipv6End"_qs, u"ff15::1:9"_qs}}, &error);
        QVERIFY2(config, qPrintable(error.message));
        QCOMPARE(config->streamGroup(QHostAddress(u"ff15::1:1"_qs), 1), QHostAddress(u"ff15::1:4"_qs));
        QCOMPARE(config->streamGroup(QHostAddress(u"ff15::1:8"_qs), 1), QHostAddress(u"ff15::1:2"_qs)); // wraps inside the range
        // A group from an earlier range takes its neighbour, in its own /96.
        QCOMPARE(config->streamGroup(QHostAddress(u"ff18::5:7"_qs), 2), QHostAddress(u"ff18::5:9"_qs));
        QCOMPARE(config->streamGroup(QHostAddress(u"239.5.0.1"_qs), 1), QHostAddress(u"239.5.0.2"_qs));
    }

    void badRangesAreRefused_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ipv4 for ipv6") << u"239.0.0.1"_qs << u"239.0.0.9"_qs << u"IPv6 multicast address"_qs;
        QTest::newRow("unicast") << u"fd99::1"_qs << u"fd99::9"_qs << u"IPv6 multicast address"_qs;
        QTest::newRow("interface-local") << u"ff11::1"_qs << u"ff11::9"_qs << u"IPv6 multicast address"_qs;
        QTest::newRow("link-local") << u"ff02::1:1"_qs << u"ff02::1:9"_qs << u"IPv6 multicast address"_qs;
        QTest::newRow("two prefixes") << u"ff15::1:1"_qs << u"ff15::2:0:1"_qs << u"within one /96"_qs;
        QTest::newRow("backwards") << u"ff15::9"_qs << u"ff15::1"_qs << u"comes after"_qs;
        QTest::newRow("too small") << u"ff15::1"_qs << u"ff15::2"_qs << u"at least 3"_qs;
        QTest::newRow("one end") << u"ff15::1"_qs << QString() << u"The end address"_qs;
    }
    void badRangesAreRefused()
    {
        QFETCH(QString, start);
        QFETCH(QString, end);
        QFETCH(QString, expected);
        QCborMap request{{u"ipv6Start"_qs, start}};
        if (!end.isNull())
            request[u"ipv6End"_qs] = end;
        Error error;
        QVERIFY(!TransportConfig().updatedFrom(request, &error));
        QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    }

    // 2^32 groups: counted in 64 bits, never a division by zero.
    void aWholeSlash96IsARange()
    {
        Error error;
        const auto config = TransportConfig().updatedFrom({{u"ipv6Start"_qs, u"ff15::"_qs}, {u"ipv6End"_qs, u"ff15::ffff:ffff"_qs}}, &error);
        QVERIFY2(config, qPrintable(error.message));
        QCOMPARE(config->groupFor(7, QAbstractSocket::IPv6Protocol), QHostAddress(u"ff15::6"_qs));
        QCOMPARE(config->streamGroup(QHostAddress(u"ff15::6"_qs), 1), QHostAddress(u"ff15::5555:555b"_qs));
    }

    void theIpv6RangeSurvivesItsMap()
    {
        TransportConfig config;
        config.firstGroupV6 = QHostAddress(u"ff18::7:1"_qs);
        config.lastGroupV6 = QHostAddress(u"ff18::7:20"_qs);
        Error error;
        const auto read = TransportConfig().updatedFrom(config.toCbor(), &error);
        QVERIFY2(read, qPrintable(error.message));
        QCOMPARE(*read, config);
    }
};

QTEST_GUILESS_MAIN(TestTransportConfig)
#include "tst_transport_config.moc"
