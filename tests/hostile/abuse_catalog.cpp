// SPDX-License-Identifier: GPL-3.0-or-later
#include "abuse_catalog.h"

#include "protocol/frame_codec.h"
#include "protocol/messages.h"

#include <QCborArray>
#include <QtEndian>

#include <cmath>
#include <functional>
#include <limits>

using namespace deploycast;

namespace {

// Values of every wrong kind for a parameter that expects one kind.
QCborValue junk(QRandomGenerator &random)
{
    switch (random.bounded(14)) {
    case 0: return QCborValue(std::numeric_limits<qint64>::max());
    case 1: return QCborValue(std::numeric_limits<qint64>::min());
    case 2: return QCborValue(-1);
    case 3: return QCborValue(std::nan(""));
    case 4: return QCborValue(-std::numeric_limits<double>::infinity());
    case 5: return QCborValue(QString(int(random.bounded(20'000)), u'\x1b'));
    case 6: return QCborValue(u"\x1b]0;owned\x07\n\u202e"_qs);
    case 7: return QCborValue(QByteArray(int(random.bounded(5000)), '\xff'));
    case 8: return QCborArray{QCborArray{QCborArray{}}, QCborMap{}, 3.5};
    case 9: return QCborMap{{u"nested"_qs, QCborMap{{u"deeper"_qs, QCborArray{1, 2}}}}};
    case 10: return QCborValue(QCborValue::Null);
    case 11: return QCborValue(QCborValue::Undefined);
    case 12: return QCborValue(true);
    default: return QCborValue(u"../../../../etc/shadow"_qs);
    }
}

QCborArray junkRanges(QRandomGenerator &random, qint64 blockCount)
{
    QCborArray ranges;
    const int count = int(random.bounded(4097));
    for (int i = 0; i < count; ++i) {
        switch (random.bounded(6)) {
        case 0: ranges.append(QCborArray{0, blockCount - 1}); break; // everything, again and again
        case 1: ranges.append(QCborArray{qint64(random.bounded(1 << 30)), qint64(random.bounded(1 << 30))}); break;
        case 2: ranges.append(QCborArray{-5, 7}); break;
        case 3: ranges.append(QCborArray{u"a"_qs, u"b"_qs}); break;
        case 4: ranges.append(junk(random)); break;
        default: ranges.append(QCborArray{qint64(i), qint64(i)}); break;
        }
    }
    return ranges;
}

// The params of a request or notification: the right keys with wrong
// values, wrong keys, or not a map at all.
QCborMap junkParams(QRandomGenerator &random, const QStringList &keys)
{
    QCborMap params;
    for (const QString &key : keys)
        if (random.bounded(4) != 0)
            params.insert(key, junk(random));
    for (int i = int(random.bounded(3)); i > 0; --i)
        params.insert(QStringLiteral("x%1").arg(random.generate()), junk(random));
    return params;
}

QByteArray lengthPrefix(quint32 length)
{
    QByteArray prefix(4, Qt::Uninitialized);
    qToBigEndian(length, prefix.data());
    return prefix;
}

struct Builder {
    Abuse abuse;
    void frame(const QCborMap &message)
    {
        abuse.bytes += encodeFrame(message);
        ++abuse.messages;
    }
    void raw(const QByteArray &bytes) { abuse.bytes += bytes; }
};

void beforeHello(QRandomGenerator &random, Builder *b)
{
    switch (random.bounded(7)) {
    case 0:
        b->abuse.name = u"raw bytes, no TLS"_qs;
        b->abuse.tls = false;
        b->raw(QByteArray(int(random.bounded(8192)) + 1, char(random.generate())));
        break;
    case 1:
        b->abuse.name = u"before hello: frame longer than any allowed"_qs;
        b->raw(lengthPrefix(0xFFFFFFF0u) + QByteArray(4096, 'x'));
        break;
    case 2:
        b->abuse.name = u"before hello: empty frame"_qs;
        b->raw(lengthPrefix(0));
        break;
    case 3: {
        b->abuse.name = u"before hello: CBOR that is not a map"_qs;
        const QByteArray body = QCborValue(QCborArray{1, 2, 3}).toCbor();
        b->raw(lengthPrefix(quint32(body.size())) + body);
        break;
    }
    case 4:
        b->abuse.name = u"before hello: truncated CBOR"_qs;
        b->raw(lengthPrefix(20) + QByteArray("\xbf\x64type\x65hel", 11) + QByteArray(9, '\xff'));
        break;
    case 5:
        b->abuse.name = u"before hello: a frame parked half-sent"_qs;
        b->raw(lengthPrefix(16000) + QByteArray(8000, 'p'));
        b->abuse.lingerMs = 3000;
        break;
    default:
        b->abuse.name = u"silence"_qs;
        b->abuse.lingerMs = int(random.bounded(4000));
        break;
    }
}

void badHello(QRandomGenerator &random, Builder *b)
{
    b->abuse.name = u"hello of a wrong shape"_qs;
    QCborMap hello = proto::hello(u"receiver"_qs, u"hostile"_qs);
    const QStringList keys{u"type"_qs, u"version"_qs, u"role"_qs, u"software"_qs, u"token"_qs};
    hello.insert(keys.at(int(random.bounded(qsizetype(keys.size())))), junk(random));
    b->frame(hello);
    b->frame(proto::request(1, u"getServer"_qs, {}));
}

void asReceiver(QRandomGenerator &random, const AbuseContext &context, Builder *b)
{
    b->frame(proto::hello(u"receiver"_qs, u"hostile"_qs));
    QCborMap join{{u"kind"_qs, u"Transmission"_qs},
                  {u"name"_qs, context.transmission},
                  {u"machine"_qs, QStringLiteral("hostile-%1").arg(random.bounded(1000))},
                  {u"mac"_qs, u"02:de:ad:be:ef:01"_qs}};
    if (random.bounded(3) == 0)
        join = junkParams(random, {u"kind"_qs, u"name"_qs, u"machine"_qs, u"mac"_qs, u"fallback"_qs, u"joinToken"_qs});
    b->frame(proto::request(1, u"join"_qs, join));
    const qint64 blocks = 1 << 20;
    const int count = int(random.bounded(40)) + 1;
    for (int i = 0; i < count; ++i) {
        switch (random.bounded(11)) {
        case 0:
            b->abuse.name = u"receiver: status of wrong values"_qs;
            b->frame(proto::notify(u"status"_qs, junkParams(random, {u"bytes"_qs, u"rate"_qs, u"cpu"_qs, u"memory"_qs,
                                                                     u"network"_qs, u"state"_qs})));
            break;
        case 1:
            b->abuse.name = u"receiver: nak with junk ranges"_qs;
            b->frame(proto::notify(u"nak"_qs, {{u"ranges"_qs, junkRanges(random, blocks)}, {u"catchUp"_qs, junk(random)}}));
            break;
        case 2:
            b->abuse.name = u"receiver: catch-up nak of everything"_qs;
            b->frame(proto::notify(u"nak"_qs, {{u"ranges"_qs, QCborArray{QCborArray{0, blocks}}}, {u"catchUp"_qs, true}}));
            break;
        case 3:
            b->abuse.name = u"receiver: fetch without a fallback"_qs;
            b->frame(proto::notify(u"fetch"_qs, {{u"ranges"_qs, junkRanges(random, blocks)}}));
            break;
        case 4:
            b->abuse.name = u"receiver: complete with a wrong hash"_qs;
            b->frame(proto::notify(u"complete"_qs, junkParams(random, {u"sha256"_qs})));
            break;
        case 5:
            b->abuse.name = u"receiver: a management call"_qs;
            b->frame(proto::request(i + 2, u"disconnectClients"_qs, {{u"ids"_qs, QCborArray{1, 2, 3}}, {u"force"_qs, true}}));
            break;
        case 6:
            b->abuse.name = u"receiver: join again"_qs;
            b->frame(proto::request(i + 2, u"join"_qs, join));
            break;
        case 7:
            b->abuse.name = u"receiver: unknown event and type"_qs;
            b->frame(proto::notify(QStringLiteral("event%1").arg(random.generate()), junkParams(random, {})));
            b->frame({{u"type"_qs, junk(random)}, {u"id"_qs, junk(random)}});
            break;
        case 8:
            b->abuse.name = u"receiver: a flood of statuses"_qs;
            for (int j = 0; j < 2000; ++j)
                b->frame(proto::notify(u"status"_qs, {{u"bytes"_qs, j}}));
            break;
        case 9:
            b->abuse.name = u"receiver: a frame at the receiver's limit"_qs;
            b->frame(proto::notify(u"status"_qs, {{u"pad"_qs, QByteArray(int(random.bounded(2)) * 2000 + 63 * 1024, 'p')}}));
            break;
        default:
            b->abuse.name = u"receiver: a reply and a bye of its own"_qs;
            b->frame(proto::reply(7, {{u"x"_qs, 1}}));
            b->frame(proto::bye({u"bad-request"_qs, u"no"_qs}));
            break;
        }
    }
}

void asManager(QRandomGenerator &random, const AbuseContext &context, Builder *b)
{
    const bool admin = !context.adminToken.isEmpty() && random.bounded(2) == 0;
    b->frame(proto::hello(admin ? u"admin"_qs : u"viewer"_qs, u"hostile"_qs,
                          random.bounded(8) == 0 ? u"0badc0de.bad"_qs : admin ? context.adminToken : context.viewerToken));
    // Each method with the keys it reads, filled with wrong values. Names are
    // never a real transmission's, and IDs never a real client's: the abuse
    // must not stop the honest transfer beside it by doing what an admin may.
    const std::pair<const char *, QStringList> methods[] = {
        {"createSession", {u"kind"_qs, u"name"_qs, u"type"_qs, u"contentPath"_qs, u"description"_qs, u"startTime"_qs,
                           u"minClients"_qs, u"friendlyName"_qs, u"contentProvider"_qs, u"requireJoinToken"_qs}},
        {"startSession", {u"kind"_qs, u"name"_qs}},
        {"removeSession", {u"kind"_qs, u"name"_qs, u"force"_qs}},
        {"disconnectClients", {u"ids"_qs, u"force"_qs}},
        {"setPolicy", {u"policy"_qs, u"thresholdKBps"_qs, u"streamCount"_qs, u"fallback"_qs}},
        {"setTransport", {u"ipv4Start"_qs, u"ipv4End"_qs, u"ipv6Start"_qs, u"ipv6End"_qs, u"startPort"_qs, u"endPort"_qs, u"profile"_qs}},
        {"readImageData", {u"image"_qs, u"offset"_qs, u"length"_qs}},
        {"copyImageData", {}},
        {"getAuditLog", {u"last"_qs}},
        {"listSessions", {u"kind"_qs, u"withClients"_qs, u"excludeDeactivated"_qs}},
        {"getSession", {u"kind"_qs, u"name"_qs, u"withClients"_qs}},
        {"getServer", {}},
        {"listFallbackClients", {}},
        {"noSuchMethod", {u"x"_qs}},
    };
    const int count = int(random.bounded(30)) + 1;
    for (int i = 0; i < count; ++i) {
        const auto &[method, keys] = methods[random.bounded(int(std::size(methods)))];
        QCborMap params = junkParams(random, keys);
        if (qstrcmp(method, "disconnectClients") == 0 && random.bounded(2) == 0) {
            QCborArray ids;
            for (int j = 0; j < 100'000; ++j)
                ids.append(qint64(1'000'000'000) + j); // no such clients
            params.insert(u"ids"_qs, ids);
        }
        if (qstrcmp(method, "setPolicy") == 0)
            params.insert(u"policy"_qs, QStringLiteral("Junk%1").arg(random.bounded(9))); // never a valid change
        if (qstrcmp(method, "setTransport") == 0)
            params.insert(u"profile"_qs, QStringLiteral("Junk%1").arg(random.bounded(9))); // likewise
        b->abuse.name = QStringLiteral("%1: %2 with wrong parameters").arg(admin ? u"admin"_qs : u"viewer"_qs, QLatin1String(method));
        QCborMap request = proto::request(i + 1, QLatin1String(method), params);
        if (random.bounded(5) == 0) { // an id, method or params of the wrong type
            const QStringList envelope{u"id"_qs, u"method"_qs, u"params"_qs};
            request.insert(envelope.at(int(random.bounded(3))), junk(random));
        }
        b->frame(request);
    }
    if (random.bounded(4) == 0) {
        b->abuse.name += u", subscribing and never reading"_qs;
        for (int i = 0; i < 200; ++i)
            b->frame(proto::request(1000 + i, u"subscribe"_qs, {}));
        b->abuse.neverRead = true;
        b->abuse.lingerMs = 5000;
    }
}

} // namespace

Abuse pickAbuse(QRandomGenerator &random, const AbuseContext &context)
{
    Builder b;
    switch (random.bounded(4)) {
    case 0: beforeHello(random, &b); break;
    case 1: badHello(random, &b); break;
    case 2: asReceiver(random, context, &b); break;
    default: asManager(random, context, &b); break;
    }
    if (b.abuse.lingerMs == 0)
        b.abuse.lingerMs = int(random.bounded(1500));
    if (random.bounded(10) == 0) { // now and then, a trickle
        b.abuse.pieces = std::min<int>(int(b.abuse.bytes.size()), 50);
        b.abuse.lingerMs = std::max(b.abuse.lingerMs, 3000);
    }
    return b.abuse;
}
