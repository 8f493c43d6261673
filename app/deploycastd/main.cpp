// deploycastd: the Deploycast server. All the work is in core/server.
#include "common/host_port.h"
#include "common/open_file_limit.h"
#include "common/termination_signals.h"
#include "protocol/messages.h"
#include "security/token_store.h"
#include "server/server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <cstdio>

using namespace deploycast;

namespace {
int usageError(const QString &message)
{
    std::fprintf(stderr, "deploycastd: %s\n", qPrintable(message));
    return 2;
}

// --new-token: the token goes to stdout, and only its hash stays on the server.
int mintToken(const QString &stateDirectory, AccessRole role)
{
    Error error;
    TokenStore tokens(stateDirectory);
    if (!QDir().mkpath(stateDirectory))
        error = {QLatin1String(ErrorCode::StorageError), QStringLiteral("cannot create %1").arg(stateDirectory)};
    const std::optional<QString> token = error.isNull() && tokens.load(&error) ? tokens.mint(role, &error) : std::nullopt;
    if (!token) {
        std::fprintf(stderr, "deploycastd: %s\n", qPrintable(error.message));
        return 1;
    }
    std::printf("%s\n", qPrintable(*token));
    return 0;
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
    const QCommandLineOption tlsCert(u"tls-cert"_qs, u"Your own TLS certificate (PEM), with --tls-key; default: "
                                     "DIR/tls/server.crt, made at first start."_qs, u"FILE"_qs);
    const QCommandLineOption tlsKey(u"tls-key"_qs, u"The private key (PEM, EC or RSA) of --tls-cert."_qs, u"FILE"_qs);
    const QCommandLineOption newToken(u"new-token"_qs, u"Mint a management token for this role (admin or viewer) in "
                                      "--state-dir, print it and exit."_qs, u"ROLE"_qs);
    const QCommandLineOption clientTimeout(u"client-timeout"_qs, u"Drop a receiver that has sent nothing for this many "
                                           "seconds (default 30, as WDS)."_qs, u"SECONDS"_qs, u"30"_qs);
    parser.addOptions({stateDir, imageStore, listen, multicastInterface, maxRate, tlsCert, tlsKey, newToken, clientTimeout});
    parser.process(app);

    if (parser.isSet(newToken)) {
        const std::optional<AccessRole> role = accessRoleFromString(parser.value(newToken));
        if (!role)
            return usageError(QStringLiteral("--new-token needs admin or viewer, not '%1'").arg(parser.value(newToken)));
        if (!parser.isSet(stateDir))
            return usageError(u"--new-token needs --state-dir"_qs);
        return mintToken(parser.value(stateDir), *role);
    }
    if (!parser.isSet(stateDir) || !parser.isSet(imageStore))
        return usageError(u"--state-dir and --image-store are required (see --help)"_qs);
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return usageError(u"--tls-cert and --tls-key go together"_qs);
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
    const int timeoutSeconds = parser.value(clientTimeout).toInt();
    if (timeoutSeconds < 2)
        return usageError(QStringLiteral("--client-timeout needs at least 2 seconds, not '%1'").arg(parser.value(clientTimeout)));
    options.clientTimeoutSeconds = timeoutSeconds;
    options.tlsCertificate = parser.value(tlsCert);
    options.tlsKey = parser.value(tlsKey);

    quitOnTerminationSignals();
    raiseOpenFileLimit(); // one descriptor per client: thousands of them
    Server server(options);
    Error startError;
    if (!server.start(&startError)) {
        std::fprintf(stderr, "deploycastd: %s\n", qPrintable(startError.message));
        return 1;
    }
    return app.exec();
}
