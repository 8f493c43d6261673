// deploycastd: the Deploycast server. All the work is in core/server.
#include "common/host_port.h"
#include "common/termination_signals.h"
#include "protocol/messages.h"
#include "server/server.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace deploycast;

namespace {
int usageError(const QString &message)
{
    std::fprintf(stderr, "deploycastd: %s\n", qPrintable(message));
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"deploycastd"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(DEPLOYCAST_VERSION));
    qSetMessagePattern(u"%{time yyyy-MM-ddTHH:mm:ss.zzz} %{type} %{category}: %{message}"_qs);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Deploycast server: multicasts images and other content to many machines at once, and serves the "
        "management API used by deploycast and deploycast-console. See deploycastd(8) and docs/."_qs);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption stateDir(u"state-dir"_qs, u"Where the server keeps its state (created if missing)."_qs, u"DIR"_qs);
    const QCommandLineOption imageStore(u"image-store"_qs, u"The folder whose files may be multicast."_qs, u"DIR"_qs);
    const QCommandLineOption listen(u"listen"_qs, u"Address and port of the management and receiver API (default 127.0.0.1:7405)."_qs,
                                    u"ADDR:PORT"_qs, u"127.0.0.1:7405"_qs);
    const QCommandLineOption multicastInterface(u"multicast-interface"_qs,
                                                u"Address of the interface that sends multicast (default 127.0.0.1)."_qs,
                                                u"ADDR"_qs, u"127.0.0.1"_qs);
    const QCommandLineOption maxRate(u"max-rate"_qs, u"Cap on each transmission's payload rate in MB/s; 0 (the default) lets the rate adapt to the slowest receiver."_qs,
                                     u"MBPS"_qs, u"0"_qs);
    parser.addOptions({stateDir, imageStore, listen, multicastInterface, maxRate});
    parser.process(app);

    if (!parser.isSet(stateDir) || !parser.isSet(imageStore))
        return usageError(u"--state-dir and --image-store are required (see --help)"_qs);
    QString error;
    const std::optional<HostPort> listenAt = parseHostPort(parser.value(listen), proto::kDefaultPort, &error);
    if (!listenAt)
        return usageError(QStringLiteral("--listen: %1").arg(error));
    const QHostAddress listenAddress(listenAt->host);
    const QHostAddress interfaceAddress(parser.value(multicastInterface));
    if (listenAddress.isNull())
        return usageError(QStringLiteral("--listen needs an IP address, not '%1'").arg(listenAt->host));
    if (interfaceAddress.protocol() != QAbstractSocket::IPv4Protocol)
        return usageError(QStringLiteral("--multicast-interface needs an IPv4 address, not '%1'").arg(parser.value(multicastInterface)));
    bool rateOk = false;
    const double megabytesPerSecond = parser.value(maxRate).toDouble(&rateOk);
    if (!rateOk || megabytesPerSecond < 0)
        return usageError(QStringLiteral("--max-rate needs a number of MB/s, not '%1'").arg(parser.value(maxRate)));

    ServerOptions options;
    options.listenAddress = listenAddress;
    options.listenPort = listenAt->port;
    options.stateDirectory = parser.value(stateDir);
    options.imageStore = parser.value(imageStore);
    options.transfer.multicastInterface = interfaceAddress;
    options.transfer.maxRate = qint64(megabytesPerSecond * 1e6);

    quitOnTerminationSignals();
    Server server(options);
    Error startError;
    if (!server.start(&startError)) {
        std::fprintf(stderr, "deploycastd: %s\n", qPrintable(startError.message));
        return 1;
    }
    return app.exec();
}
