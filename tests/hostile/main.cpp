// SPDX-License-Identifier: GPL-3.0-or-later
// deploycast-hostile: a peer of our own that sends deploycastd abusive and
// malformed messages of every kind, for a while, to check that one bad peer
// hurts no one else (tests/integration/tst_hostile_client.cpp runs it beside
// a real transfer). Against your own test servers only.
#include "common/host_port.h"
#include "hostile_client.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <csignal>
#include <cstdio>

namespace {
QString readToken(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).trimmed() : QString();
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    ::signal(SIGPIPE, SIG_IGN);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Sends a Deploycast server abusive and malformed messages of every kind, from "
                                     "many connections, for a while; prints what it did. For testing your own servers."_qs);
    parser.addHelpOption();
    const QCommandLineOption server(u"server"_qs, u"HOST:PORT (default 127.0.0.1:7405)."_qs, u"HOST:PORT"_qs, u"127.0.0.1:7405"_qs);
    const QCommandLineOption seconds(u"seconds"_qs, u"How long (default 30)."_qs, u"N"_qs, u"30"_qs);
    const QCommandLineOption concurrency(u"connections"_qs, u"Connections at a time (default 16)."_qs, u"N"_qs, u"16"_qs);
    const QCommandLineOption seed(u"seed"_qs, u"Random seed (default 1)."_qs, u"N"_qs, u"1"_qs);
    const QCommandLineOption transmission(u"transmission"_qs, u"A real transmission, so some joins succeed."_qs, u"NAME"_qs);
    const QCommandLineOption adminToken(u"admin-token-file"_qs, u"Abuse as an admin too."_qs, u"FILE"_qs);
    const QCommandLineOption viewerToken(u"viewer-token-file"_qs, u"Abuse as a viewer too."_qs, u"FILE"_qs);
    parser.addOptions({server, seconds, concurrency, seed, transmission, adminToken, viewerToken});
    parser.process(app);

    QString error;
    const std::optional<deploycast::HostPort> target = deploycast::parseHostPort(parser.value(server), 7405, &error);
    if (!target) {
        std::fprintf(stderr, "deploycast-hostile: --server: %s\n", qPrintable(error));
        return 2;
    }
    HostileClient::Options options;
    options.host = target->host;
    options.port = target->port;
    options.seconds = std::max(1, parser.value(seconds).toInt());
    options.concurrency = std::clamp(parser.value(concurrency).toInt(), 1, 200);
    options.seed = parser.value(seed).toUInt();
    options.context = {parser.value(transmission), readToken(parser.value(adminToken)), readToken(parser.value(viewerToken))};
    HostileClient client(options);
    QObject::connect(&client, &HostileClient::finished, &app, [&client] {
        std::printf("deploycast-hostile: %s", qPrintable(client.summary()));
        QCoreApplication::quit();
    });
    client.start();
    return app.exec();
}
