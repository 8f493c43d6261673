// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the seed corpus (tests/fuzz/corpus/<target>/) from real messages,
// made with the same encoders the programs use, so the fuzzers start from
// valid input and mutate outwards. Run by scripts/fuzz --seeds; the output
// is checked in.
#include "domain/client_info.h"
#include "domain/session_info.h"
#include "domain/slow_client_policy.h"
#include "protocol/block_datagram.h"
#include "protocol/frame_codec.h"
#include "protocol/messages.h"
#include "protocol/range_codec.h"
#include "transfer/folder_bundle.h"

#include <QCborArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace deploycast;

namespace {

void write(const QString &directory, const QString &name, const QByteArray &bytes)
{
    QDir().mkpath(directory);
    QFile file(directory + u'/' + name);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        std::fprintf(stderr, "make_seeds: cannot write %s\n", qPrintable(file.fileName()));
}

QByteArray frames(const QList<QCborMap> &messages)
{
    QByteArray bytes;
    for (const QCborMap &message : messages)
        bytes += encodeFrame(message);
    return bytes;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seeds CORPUS_DIR\n");
        return 2;
    }
    const QString root = QString::fromLocal8Bit(argv[1]);
    ClientInfo client;
    client.id = 7;
    client.sessionId = 1;
    client.sessionName = u"Lab"_qs;
    client.machineName = u"pc-07"_qs;
    client.ipAddress = u"10.0.0.7"_qs;
    client.stream = u"slow"_qs;
    SessionInfo session;
    session.id = 1;
    session.name = u"Lab"_qs;
    session.group = u"239.192.0.1"_qs;
    session.port = 64001;
    SlowClientPolicy policy;
    policy.kind = SlowClientPolicy::Kind::Multistream;
    policy.thresholdKBps = 8000;
    const std::vector<BlockRange> ranges{{0, 3}, {10, 10}, {100, 200}};

    const QList<QCborMap> receiver{
        proto::hello(u"receiver"_qs, u"deploycast-receive/0"_qs),
        proto::request(1, u"join"_qs, {{u"kind"_qs, u"Transmission"_qs}, {u"name"_qs, u"Lab"_qs}, {u"machine"_qs, u"pc"_qs}}),
        proto::notify(u"status"_qs, {{u"bytes"_qs, 1400}, {u"rate"_qs, 1000}, {u"cpu"_qs, 5.5}, {u"state"_qs, u"receiving"_qs}}),
        proto::notify(u"nak"_qs, {{u"ranges"_qs, rangesToCbor(ranges)}, {u"catchUp"_qs, true}}),
    };
    const QList<QCborMap> admin{
        proto::hello(u"admin"_qs, u"deploycast/0"_qs, u"0123abcd.00ff"_qs),
        proto::request(2, u"createSession"_qs, session.toCbor()),
        proto::request(3, u"setPolicy"_qs, policy.toCbor()),
        proto::request(4, u"disconnectClients"_qs, {{u"ids"_qs, QCborArray{1, 2, 3}}, {u"force"_qs, true}}),
    };
    write(root + u"/fuzz_server_messages"_qs, u"receiver"_qs, frames(receiver));
    write(root + u"/fuzz_server_messages"_qs, u"admin"_qs, frames(admin));
    write(root + u"/fuzz_frame_decoder"_qs, u"receiver"_qs, u'\x07' + frames(receiver));
    write(root + u"/fuzz_frame_decoder"_qs, u"admin"_qs, u'\x40' + frames(admin));

    const QCborMap snapshot{{u"sessions"_qs, QCborArray{session.toCbor()}}, {u"clients"_qs, QCborArray{client.toCbor()}}};
    const QCborMap delta{{u"clients"_qs, QCborArray{QCborMap{{u"id"_qs, 7}, {u"percent"_qs, 50.0}}}},
                         {u"removedClients"_qs, QCborArray{8}},
                         {u"sessions"_qs, QCborArray{session.toCbor()}}};
    write(root + u"/fuzz_console_messages"_qs, u"snapshot-delta"_qs, frames({snapshot, delta}));

    const QCborMap joinReply{{u"clientId"_qs, 7}, {u"session"_qs, u"Lab"_qs}, {u"token"_qs, 42}, {u"group"_qs, u"239.192.0.1"_qs},
                             {u"port"_qs, 64001}, {u"size"_qs, 3 * 1048600}, {u"blockSize"_qs, 1400},
                             {u"blockCount"_qs, 3 * 749}, {u"sha256"_qs, QString(64, u'a')}, {u"chunkBlocks"_qs, 749},
                             {u"chunkCount"_qs, 3}, {u"state"_qs, u"Active"_qs}};
    write(root + u"/fuzz_receiver_control"_qs, u"join-and-digests"_qs,
          frames({proto::reply(1, joinReply),
                  proto::notify(u"digests"_qs, {{u"first"_qs, 0}, {u"sha256"_qs, QByteArray(2 * 32, 'd')}}),
                  proto::notify(u"digests"_qs, {{u"first"_qs, 2}, {u"sha256"_qs, QByteArray(32, 'e')}})}));

    unsigned char datagram[kMaxBlockDatagram];
    const QByteArray payload(1400, 'x');
    BlockHeader header;
    header.session = 42;
    header.index = 3;
    header.count = 10;
    header.length = 1400;
    const std::size_t length = writeBlockDatagram(datagram, header, payload.constData());
    write(root + u"/fuzz_receiver_datagrams"_qs, u"block"_qs, QByteArray(reinterpret_cast<const char *>(datagram), qsizetype(length)));

    write(root + u"/fuzz_cli_grammar"_qs, u"disconnect"_qs, QByteArray("/Disconnect-Client\0/ClientId:1\0/Server:host:7405\0/Force", 55));
    write(root + u"/fuzz_cli_grammar"_qs, u"new"_qs,
          QByteArray("/New-MulticastTransmission\0/FriendlyName:Lab\0/Image:a.img\0/TransmissionType:ScheduledCast\0/Time:2026/12/01:22:00", 110));
    write(root + u"/fuzz_cli_grammar"_qs, u"policy"_qs,
          QByteArray("-set-server\0-transport\0-multicastsessionpolicy\0/Policy:Multistream\0/Threshold:80\0/StreamCount:3", 95));

    // A real bundle of a small tree: a folder, a file in it, an empty file.
    QTemporaryDir tree;
    QDir(tree.path()).mkpath(u"source/sub"_qs);
    QFile file(tree.filePath(u"source/sub/a.txt"_qs));
    QFile empty(tree.filePath(u"source/empty"_qs));
    QStringList skipped;
    Error error;
    if (!file.open(QIODevice::WriteOnly) || file.write("hello\n") != 6 || !empty.open(QIODevice::WriteOnly))
        return 1;
    file.close();
    empty.close();
    const auto entries = FolderBundle::scan(tree.filePath(u"source"_qs), &skipped, &error);
    QFile bundle(tree.filePath(u"tree.bundle"_qs));
    if (!entries || !FolderBundle::write(tree.filePath(u"source"_qs), *entries, bundle.fileName(), [](int) { return true; }, &error)
        || !bundle.open(QIODevice::ReadOnly))
        return 1;
    write(root + u"/fuzz_folder_bundle"_qs, u"tree"_qs, bundle.readAll());
    return 0;
}
