// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>

// What one hostile connection does, picked at random from every kind of
// abuse a peer can try on deploycastd: bytes before any TLS, broken frames
// before the hello, hellos of every wrong shape, and, after a good hello,
// each receiver message and each management method with parameters of the
// wrong type, size or value; floods, trickles, and peers that never read.
struct Abuse {
    QString name;         // for the summary, e.g. "receiver: nak with junk ranges"
    bool tls = true;      // false: raw bytes on the TCP port
    QByteArray bytes;     // everything it sends, hello included
    int pieces = 1;       // sent in this many parts, spread over lingerMs (a trickle if many)
    bool neverRead = false;
    int lingerMs = 0;     // then it hangs up
    int messages = 0;     // how many whole frames the bytes hold
};

struct AbuseContext {
    QString transmission;  // a real one, so joins can succeed
    QString adminToken;    // empty: management abuse runs as a viewer or without a token
    QString viewerToken;
};

// One abuse, chosen and filled in with the generator's randomness.
Abuse pickAbuse(QRandomGenerator &random, const AbuseContext &context);
