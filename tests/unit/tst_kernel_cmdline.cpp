// SPDX-License-Identifier: GPL-3.0-or-later
// The kernel command line of a machine that images itself (docs/netboot.md).
#include "common/quoted_words.h"
#include "receiver/kernel_cmdline.h"

#include <QTest>

using namespace deploycast;

class TestKernelCmdline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wordsAreSplitAsTheKernelDoes()
    {
        QCOMPARE(splitQuotedWords(u"  quiet deploycast.image=\"Debian 12\" ro\n"_qs),
                 QStringList({u"quiet"_qs, u"deploycast.image=Debian 12"_qs, u"ro"_qs}));
        QCOMPARE(splitQuotedWords(u"a=\"\" b"_qs), QStringList({u"a="_qs, u"b"_qs}));
    }

    void parametersBecomeTheReceiversOptions()
    {
        QString error;
        const auto line = KernelCommandLine::parse(
            u"BOOT_IMAGE=/vmlinuz console=ttyS0 deploycast.server=10.99.0.1:7405 deploycast.image=\"Debian 12\" "
            "deploycast.image-group=Lab deploycast.target=/dev/vda deploycast.fingerprint=SHA256:AA:BB "
            "deploycast.verify-after=1 deploycast.no-fallback=0 deploycast.after=poweroff ip=dhcp\n"_qs, &error);
        QVERIFY2(line, qPrintable(error));
        QCOMPARE(line->arguments, QStringList({u"--server"_qs, u"10.99.0.1:7405"_qs, u"--image"_qs, u"Debian 12"_qs,
                                               u"--image-group"_qs, u"Lab"_qs, u"--output"_qs, u"/dev/vda"_qs,
                                               u"--server-fingerprint"_qs, u"SHA256:AA:BB"_qs, u"--verify-after"_qs}));
        QCOMPARE(line->after, u"poweroff"_qs);
    }

    void mistakesAreNamed_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("error");
        QTest::newRow("no server") << u"deploycast.image=x deploycast.target=/dev/sda"_qs << u"no deploycast.server"_qs;
        QTest::newRow("nothing to get") << u"deploycast.server=s deploycast.target=/dev/sda"_qs
                                        << u"no deploycast.image or deploycast.transmission"_qs;
        QTest::newRow("no target") << u"deploycast.server=s deploycast.image=x"_qs << u"no deploycast.target"_qs;
        QTest::newRow("unknown") << u"deploycast.server=s deploycast.imag=x"_qs << u"deploycast.imag is not"_qs;
        QTest::newRow("empty value") << u"deploycast.server= deploycast.image=x deploycast.target=/dev/sda"_qs
                                     << u"deploycast.server needs a value"_qs;
        QTest::newRow("after") << u"deploycast.after=halt"_qs << u"reboot, poweroff or none, not 'halt'"_qs;
    }

    void mistakesAreNamed()
    {
        QFETCH(QString, line);
        QFETCH(QString, error);
        QString why;
        QVERIFY(!KernelCommandLine::parse(line, &why));
        QVERIFY2(why.contains(error), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestKernelCmdline)
#include "tst_kernel_cmdline.moc"
