// SPDX-License-Identifier: GPL-3.0-or-later
// What reaches a terminal or a log from the network: control characters and
// direction overrides escaped, everything else as it was.
#include "common/cbor_summary.h"
#include "common/printable.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>
#include <QCborStreamWriter>
#include <QTest>

using namespace deploycast;

class TestPrintable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void controlCharactersAreEscaped_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain") << u"lab-pc-01 (Salle 2) ünïcödé"_qs << u"lab-pc-01 (Salle 2) ünïcödé"_qs;
        QTest::newRow("escape and bell") << u"pc\x1b[2J\x07"_qs << u"pc\\x1b[2J\\x07"_qs;
        QTest::newRow("newline forging a line") << u"pc\nERROR forged"_qs << u"pc\\nERROR forged"_qs;
        QTest::newRow("C1 and DEL") << u"a\u009bb\x7f"_qs << u"a\\x9bb\\x7f"_qs;
        QTest::newRow("right-to-left override") << u"exe.\u202etxt"_qs << u"exe.\\u202etxt"_qs;
    }

    void controlCharactersAreEscaped()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QCOMPARE(printable(text), shown);
        QCOMPARE(isPrintable(text), text == shown);
    }

    void summariesLookLikeJsonAndStopAtTheirLength()
    {
        const QCborMap params{{u"ids"_qs, QCborArray{17, 18}}, {u"force"_qs, true}, {u"name"_qs, u"a\"b"_qs}};
        QCOMPARE(summarize(params, 500), u"{\"ids\":[17,18],\"force\":true,\"name\":\"a\\\"b\"}"_qs);
        QCOMPARE(summarize(params, 10), u"{\"ids\":[17…"_qs);
    }

    void aHugeRequestIsSummarisedFromItsStart()
    {
        // 100,000 keys, read as the server reads a request.
        QByteArray cbor;
        QCborStreamWriter writer(&cbor);
        writer.startMap(100'000);
        for (int i = 0; i < 100'000; ++i) {
            writer.append(QStringLiteral("k%1").arg(i));
            writer.append(i);
        }
        writer.endMap();
        QCborStreamReader reader(cbor);
        const QString summary = summarize(QCborValue::fromCbor(reader), 40);
        QCOMPARE(summary.size(), 41);
        QVERIFY(summary.startsWith(u"{\"k0\":0,\"k1\":1,"_qs));
    }
};

QTEST_GUILESS_MAIN(TestPrintable)
#include "tst_printable.moc"
