// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/error.h"
#include "protocol/messages.h"

#include <QCborArray>
#include <QTest>

using namespace deploycast;

// The server's messages: English for logs and scripts, template and
// arguments for clients that translate them.
class TestServerText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buildsTheEnglishAsQStringArgDoes()
    {
        const ServerText text = ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the start %1 comes after the end %1 (%2 of %3, %4 MB/s)"))
                                    .arg(u"port"_qs).arg(7).arg(u"a"_qs, u"b"_qs);
        QCOMPARE(text.english(), u"the start port comes after the end port (7 of a, b MB/s)"_qs);
        QCOMPARE(text.arguments(), (QStringList{u"port"_qs, u"7"_qs, u"a"_qs, u"b"_qs}));
        QCOMPARE(ServerText(u"plain"_qs).english(), u"plain"_qs);
        QVERIFY(ServerText(u"plain"_qs).text().isEmpty());
    }

    void anArgumentIsNeverReadAsAMarker()
    {
        QCOMPARE(fillMarkers(u"%1 then %2"_qs, {u"100%2"_qs, u"x"_qs}), u"100%2 then x"_qs);
        QCOMPARE(fillMarkers(u"%1 and %3"_qs, {u"a"_qs}), u"a and %3"_qs); // a marker without its argument stays
        QCOMPARE(fillMarkers(u"50% of %1"_qs, {u"it"_qs}), u"50% of it"_qs);
    }

    void theTemplateTravelsWithTheError()
    {
        const Error sent{u"invalid-argument"_qs, ServerText(QT_TRANSLATE_NOOP("ServerMessage", "no image path given"))};
        const Error received = proto::errorFrom(proto::errorReply(1, sent));
        QCOMPARE(received.code, sent.code);
        QCOMPARE(received.message, u"no image path given"_qs);
        QCOMPARE(received.text, u"no image path given"_qs);
        QCOMPARE(localizedMessage(received), u"no image path given"_qs); // no translator loaded: English
    }

    void aHostileTemplateFallsBackToTheMessage()
    {
        QCborMap error{{u"code"_qs, u"x"_qs}, {u"message"_qs, u"plain"_qs}, {u"text"_qs, u"%1"_qs}};
        QCborArray many;
        for (int i = 0; i < 1000; ++i)
            many.append(u"x"_qs);
        error[u"args"_qs] = many;
        const Error received = proto::errorFrom(QCborMap{{u"error"_qs, error}});
        QCOMPARE(localizedMessage(received), u"plain"_qs);
        // A template that would blow up, or that says something else than the message.
        QString markers;
        for (int i = 0; i < 100'000; ++i)
            markers += u"%1"_qs;
        const QCborMap huge{{u"code"_qs, u"x"_qs}, {u"message"_qs, u"plain"_qs}, {u"text"_qs, markers},
                            {u"args"_qs, QCborArray{QString(4000, u'y')}}};
        QCOMPARE(localizedMessage(proto::errorFrom(QCborMap{{u"error"_qs, huge}})), u"plain"_qs);
        const QCborMap lying{{u"code"_qs, u"x"_qs}, {u"message"_qs, u"plain"_qs}, {u"text"_qs, u"no image path given"_qs}};
        QCOMPARE(localizedMessage(proto::errorFrom(QCborMap{{u"error"_qs, lying}})), u"plain"_qs);
    }
};

QTEST_GUILESS_MAIN(TestServerText)
#include "tst_server_text.moc"
