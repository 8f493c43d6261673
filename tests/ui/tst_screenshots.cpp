// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshot baselines: the real deploycast-console renders a recorded
// snapshot (--replay, so times and rates are frozen) in --screenshot mode,
// and each picture is compared with tests/ui/baselines/NAME.png.
//
// On a mismatch the actual picture and a diff are written next to the test's
// build output and their paths printed. With DEPLOYCAST_UPDATE_BASELINES=1
// (scripts/update-baselines) the baselines are rewritten instead.
#include "image_compare.h"

#include <QDir>
#include <QProcess>
#include <QTest>

namespace {

// A channel may move this much (anti-aliasing), and this share of pixels may
// differ, before two pictures count as different.
constexpr int kChannelTolerance = 8;
constexpr double kMaxDifferingShare = 0.0005;

const QString kLab = QStringLiteral("127.0.0.1:7405/Multicast Transmissions/Demo AutoCast");

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesBaseline_data()
    {
        const QString lab = QStringLiteral(DEPLOYCAST_TEST_DATA "/lab.cbor");
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("main-window") << QStringList{u"--replay"_qs, lab, u"--select"_qs, kLab, u"--select-rows"_qs, u"3"_qs};
        QTest::newRow("disconnect-dialog") << QStringList{u"--replay"_qs, lab, u"--select"_qs, kLab, u"--select-rows"_qs,
                                                          u"3"_qs, u"--dialog"_qs, u"disconnect"_qs};
        QTest::newRow("disconnect-force-dialog") << QStringList{u"--replay"_qs, lab, u"--select"_qs, kLab,
                                                                u"--select-rows"_qs, u"3"_qs, u"--dialog"_qs,
                                                                u"disconnect-force"_qs};
        QTest::newRow("server-lost") << QStringList{u"--replay"_qs, lab, u"--replay-lost"_qs, u"--select"_qs, kLab};
        QTest::newRow("no-servers") << QStringList{};
        QTest::newRow("client-details") << QStringList{u"--replay"_qs, lab, u"--select"_qs, kLab, u"--dialog"_qs,
                                                       u"client-details"_qs};
        QTest::newRow("transmission-properties") << QStringList{u"--replay"_qs, lab, u"--select"_qs, kLab, u"--dialog"_qs,
                                                                u"transmission-properties"_qs};
        QTest::newRow("disconnect-force-dialog-dark") << QStringList{u"--palette"_qs, u"dark"_qs, u"--replay"_qs, lab,
                                                                     u"--select"_qs, kLab, u"--select-rows"_qs, u"3"_qs,
                                                                     u"--dialog"_qs, u"disconnect-force"_qs};
        // The same pictures in French.
        for (const char *name : {"main-window", "disconnect-force-dialog", "disconnect-force-dialog-dark", "client-details",
                                 "transmission-properties"}) {
            QStringList arguments{u"--lang"_qs, u"fr"_qs, u"--replay"_qs, lab, u"--select"_qs, kLab};
            const QString tag = QLatin1String(name);
            if (tag.startsWith(u"disconnect"_qs) || tag == u"main-window"_qs)
                arguments += {u"--select-rows"_qs, u"3"_qs};
            if (tag.startsWith(u"disconnect"_qs))
                arguments += {u"--dialog"_qs, u"disconnect-force"_qs};
            if (tag.endsWith(u"-dark"_qs))
                arguments += {u"--palette"_qs, u"dark"_qs};
            if (tag == u"client-details"_qs || tag == u"transmission-properties"_qs)
                arguments += {u"--dialog"_qs, tag};
            QTest::newRow(qPrintable(tag + u"-fr"_qs)) << arguments;
        }
    }

    void matchesBaseline()
    {
        QFETCH(QStringList, arguments);
        const QString name = QString::fromLatin1(QTest::currentDataTag());
        const QString outputDir = QDir::currentPath() + u"/screenshots"_qs;
        QDir().mkpath(outputDir);
        const QString actualPath = outputDir + u'/' + name + u"-actual.png"_qs;
        QFile::remove(actualPath);

        QProcess console;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"QT_QPA_PLATFORM"_qs, u"offscreen:configfile="_qs + QStringLiteral(DEPLOYCAST_TEST_DATA "/screen.json"));
        environment.insert(u"QT_SCALE_FACTOR"_qs, u"1"_qs);
        environment.insert(u"TZ"_qs, u"UTC"_qs);
        environment.insert(u"LANG"_qs, u"C.UTF-8"_qs);
        console.setProcessEnvironment(environment);
        console.start(QStringLiteral(DEPLOYCAST_CONSOLE_BIN),
                      arguments + QStringList{u"--size"_qs, u"1366x768"_qs, u"--screenshot"_qs, actualPath});
        QVERIFY(console.waitForFinished(60000));
        QVERIFY2(console.exitCode() == 0, console.readAllStandardError().constData());
        const QImage actual(actualPath);
        QVERIFY(!actual.isNull());

        const QString baselinePath = QStringLiteral(DEPLOYCAST_BASELINES "/") + name + u".png"_qs;
        if (qEnvironmentVariable("DEPLOYCAST_UPDATE_BASELINES") == u"1"_qs) {
            QVERIFY(actual.save(baselinePath));
            qInfo("updated %s", qPrintable(baselinePath));
            return;
        }
        const QImage expected(baselinePath);
        QVERIFY2(!expected.isNull(), qPrintable(u"no baseline "_qs + baselinePath + u" (run scripts/update-baselines)"_qs));
        const ImageComparison comparison = compareImages(expected, actual, kChannelTolerance);
        if (comparison.differingShare > kMaxDifferingShare) {
            const QString diffPath = outputDir + u'/' + name + u"-diff.png"_qs;
            comparison.diff.save(diffPath);
            QFAIL(qPrintable(QStringLiteral("%1 differs from its baseline: %2 pixels (%3%), more than %4% allowed.\n"
                                            "   actual: %5\n   diff:   %6\n   baseline: %7")
                                 .arg(name).arg(comparison.differingPixels)
                                 .arg(comparison.differingShare * 100, 0, 'f', 3).arg(kMaxDifferingShare * 100)
                                 .arg(actualPath, diffPath, baselinePath)));
        }
    }
};

QTEST_GUILESS_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
