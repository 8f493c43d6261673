// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/host_port.h"

#include <QTest>

using namespace deploycast;

class TestHostPort : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("name") << u"MyWDSServer"_qs << u"MyWDSServer"_qs << 7405;
        QTest::newRow("name and port") << u"deploy.lab:9000"_qs << u"deploy.lab"_qs << 9000;
        QTest::newRow("ipv4") << u"10.0.0.5"_qs << u"10.0.0.5"_qs << 7405;
        QTest::newRow("ipv6 bracketed") << u"[::1]:8000"_qs << u"::1"_qs << 8000;
        QTest::newRow("ipv6 bare") << u"::1"_qs << u"::1"_qs << 7405;
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(QString, host);
        QFETCH(int, port);
        QString error;
        const std::optional<HostPort> parsed = parseHostPort(text, 7405, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->host, host);
        QCOMPARE(int(parsed->port), port);
    }
    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("port zero") << u"host:0"_qs;
        QTest::newRow("port too big") << u"host:65536"_qs;
        QTest::newRow("port text") << u"host:http"_qs;
        QTest::newRow("no host") << u":7405"_qs;
        QTest::newRow("unclosed bracket") << u"[::1:80"_qs;
        QTest::newRow("empty") << u""_qs;
    }
    void refuses()
    {
        QFETCH(QString, text);
        QString error;
        QVERIFY(!parseHostPort(text, 7405, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHostPort)
#include "tst_host_port.moc"
