// SPDX-License-Identifier: GPL-3.0-or-later
// deploycast-loadgen's rate profiles: what parses, what is refused with a
// message, and that picked rates stay inside the profile.
#include "loadgen/rate_profile.h"

#include <QTest>

using namespace deploycast;

class TestRateProfile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected"); // -1: refused
        QTest::newRow("bytes") << u"500"_qs << qint64(500);
        QTest::newRow("kilo") << u"64K"_qs << qint64(64'000);
        QTest::newRow("mega, lower case") << u"4m"_qs << qint64(4'000'000);
        QTest::newRow("fraction") << u"1.5G"_qs << qint64(1'500'000'000);
        QTest::newRow("negative") << u"-1K"_qs << qint64(-1);
        QTest::newRow("unit only") << u"M"_qs << qint64(-1);
        QTest::newRow("unknown unit") << u"5T"_qs << qint64(-1);
        QTest::newRow("words") << u"fast"_qs << qint64(-1);
    }
    void rates()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        QCOMPARE(parseRate(text).value_or(-1), expected);
    }

    void profiles_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("minimum");
        QTest::addColumn<qint64>("maximum");
        QTest::newRow("steady") << u"steady:2M"_qs << true << qint64(2'000'000) << qint64(2'000'000);
        QTest::newRow("uniform") << u"uniform:64K-4M"_qs << true << qint64(64'000) << qint64(4'000'000);
        QTest::newRow("reversed bounds") << u"uniform:4M-64K"_qs << false << qint64(0) << qint64(0);
        QTest::newRow("one bound") << u"uniform:4M"_qs << false << qint64(0) << qint64(0);
        QTest::newRow("no kind") << u"4M"_qs << false << qint64(0) << qint64(0);
        QTest::newRow("unknown kind") << u"burst:4M"_qs << false << qint64(0) << qint64(0);
        QTest::newRow("empty") << QString() << false << qint64(0) << qint64(0);
    }
    void profiles()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QString error;
        const auto profile = RateProfile::parse(text, &error);
        QCOMPARE(profile.has_value(), valid);
        if (!valid) {
            QVERIFY(error.contains(u"steady:RATE or uniform:MIN-MAX"_qs));
            return;
        }
        QFETCH(qint64, minimum);
        QFETCH(qint64, maximum);
        QCOMPARE(profile->minimum, minimum);
        QCOMPARE(profile->maximum, maximum);
    }

    void pickedRatesStayInTheProfile()
    {
        QString error;
        const RateProfile profile = *RateProfile::parse(u"uniform:10K-20K"_qs, &error);
        QRandomGenerator random(7);
        qint64 lowest = profile.maximum, highest = profile.minimum;
        for (int i = 0; i < 10'000; ++i) {
            const qint64 rate = profile.pickBaseRate(random);
            lowest = std::min(lowest, rate);
            highest = std::max(highest, rate);
            const qint64 jittered = RateProfile::jittered(rate, random);
            QVERIFY(jittered >= rate * 8 / 10 && jittered <= rate * 12 / 10);
        }
        QVERIFY(lowest >= 10'000 && lowest < 10'100);
        QVERIFY(highest <= 20'000 && highest > 19'900);
    }
};

QTEST_GUILESS_MAIN(TestRateProfile)
#include "tst_rate_profile.moc"
