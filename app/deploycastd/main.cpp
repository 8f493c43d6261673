// SPDX-License-Identifier: GPL-3.0-or-later
// deploycastd: the Deploycast server. All the work is in core/server.
#include "common/host_port.h"
#include "common/log.h"
#include "common/open_file_limit.h"
#include "common/option_file.h"
#include "common/termination_signals.h"
#include "common/units.h"
#include "protocol/messages.h"
#include "security/token_store.h"
#include "server/server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

using namespace deploycast;

namespace {
constexpr const char *kDefaultConfig = "/etc/deploycast/deploycastd.conf";

std::optional<int> positiveInteger(const QString &text)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok && value > 0 ? std::optional(value) : std::nullopt;
}

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

struct TransportOptions {
    QStringList groups; // FIRST-LAST each, an IPv4 range and an IPv6 one at most
    QString ports;  // FIRST-LAST, or empty
    QString profile;
};

// The start's transport settings as setTransport's keys; the server checks
// the values themselves.
std::optional<QCborMap> transportFromOptions(const TransportOptions &given, QString *error)
{
    QCborMap map;
    for (const QString &range : given.groups) {
        const QStringList ends = range.split(u'-');
        if (ends.size() != 2) {
            *error = QStringLiteral("--multicast-range needs FIRST-LAST, e.g. 239.0.0.1-239.0.0.100 or "
                                    "ff15::1-ff15::ff, not '%1'").arg(range);
            return std::nullopt;
        }
        const bool ipv6 = QHostAddress(ends[0].trimmed()).protocol() == QAbstractSocket::IPv6Protocol;
        const QString start = ipv6 ? u"ipv6Start"_qs : u"ipv4Start"_qs;
        if (map.contains(start)) {
            *error = QStringLiteral("--multicast-range is given twice for IPv%1").arg(ipv6 ? 6 : 4);
            return std::nullopt;
        }
        map[start] = ends[0].trimmed();
        map[ipv6 ? u"ipv6End"_qs : u"ipv4End"_qs] = ends[1].trimmed();
    }
    if (!given.ports.isEmpty()) {
        const QStringList ends = given.ports.split(u'-');
        bool firstOk = false;
        bool lastOk = false;
        const int first = ends.value(0).toInt(&firstOk);
        const int last = ends.value(1).toInt(&lastOk);
        if (ends.size() != 2 || !firstOk || !lastOk) {
            *error = QStringLiteral("--port-range needs FIRST-LAST, e.g. 64001-65000, not '%1'").arg(given.ports);
            return std::nullopt;
        }
        map[u"startPort"_qs] = first;
        map[u"endPort"_qs] = last;
    }
    if (!given.profile.isEmpty())
        map[u"profile"_qs] = given.profile;
    return map;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"deploycastd"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(DEPLOYCAST_VERSION));
    installLogFormat();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Deploycast server: multicasts images and other content to many machines at once, and serves the "
        "management API used by deploycast and deploycast-console.\n\n"
        "Settings come from the command line, then from the configuration file (default "
        "/etc/deploycast/deploycastd.conf, if it exists), then the defaults. The file is INI: a [server] section "
        "whose keys are the long options below, e.g. \"listen = 0.0.0.0:7405\".\n\n"
        "Logs go to standard error, or to the journal (with priorities) under systemd. "
        "QT_LOGGING_RULES=\"deploycast.transfer.debug=true\" adds debug output; the categories are "
        "deploycast.mgmt, deploycast.transfer, deploycast.receiver and deploycast.state.\n\n"
        "Exit codes: 0 stopped by SIGTERM or SIGINT; 1 could not start (the reason is logged); 2 usage or "
        "configuration error. See deploycastd(8) and docs/."_qs);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption stateDir(u"state-dir"_qs, u"Where the server keeps its state (created if missing)."_qs, u"DIR"_qs);
    const QCommandLineOption imageStore(u"image-store"_qs, u"The folder whose files may be multicast."_qs, u"DIR"_qs);
    const QCommandLineOption listen(u"listen"_qs, u"Address and port of the management and receiver API (default 127.0.0.1:7405)."_qs,
                                    u"ADDR:PORT"_qs, u"127.0.0.1:7405"_qs);
    const QCommandLineOption multicastInterface(u"multicast-interface"_qs,
                                                u"Address of the interface that sends multicast (default 127.0.0.1). An IPv6 address "
                                                "makes new transmissions IPv6 multicast, from the IPv6 range."_qs,
                                                u"ADDR"_qs, u"127.0.0.1"_qs);
    const QCommandLineOption maxRate(u"max-rate"_qs, u"Cap on each transmission's payload rate in MB/s; 0 (the default) lets the rate adapt to the slowest receiver."_qs,
                                     u"MBPS"_qs, u"0"_qs);
    const QCommandLineOption multicastRange(u"multicast-range"_qs, u"Multicast groups for new transmissions, "
                                            "FIRST-LAST (default 239.192.0.1-239.192.255.254; as /Set-TransportServer "
                                            "/ObtainIpv4From:Range, which it overrides at start). Repeat it for IPv6 "
                                            "(default ff15::dc:1-ff15::dc:fffe, as /ObtainIpv6From:Range)."_qs, u"FIRST-LAST"_qs);
    const QCommandLineOption portRange(u"port-range"_qs, u"UDP ports for new transmissions, FIRST-LAST (default "
                                       "64001-65000)."_qs, u"FIRST-LAST"_qs);
    const QCommandLineOption profile(u"profile"_qs, u"Network profile: 10Mbps, 100Mbps or 1Gbps caps each new "
                                     "transmission for such a network; Custom (the default) uses --max-rate."_qs,
                                     u"PROFILE"_qs);
    const QCommandLineOption contentProvider(u"content-provider"_qs, u"A namespace content provider besides 'file': "
                                             "NAME=PATH serves the file at PATH in the image store to /New-Namespace "
                                             "/ContentProvider:NAME (repeatable)."_qs, u"NAME=PATH"_qs);
    const QCommandLineOption tlsCert(u"tls-cert"_qs, u"Your own TLS certificate (PEM), with --tls-key; default: "
                                     "DIR/tls/server.crt, made at first start."_qs, u"FILE"_qs);
    const QCommandLineOption tlsKey(u"tls-key"_qs, u"The private key (PEM, EC or RSA) of --tls-cert."_qs, u"FILE"_qs);
    const QCommandLineOption newToken(u"new-token"_qs, u"Mint a management token for this role (admin or viewer) in "
                                      "--state-dir, print it and exit."_qs, u"ROLE"_qs);
    const QCommandLineOption clientTimeout(u"client-timeout"_qs, u"Drop a receiver that has sent nothing for this many "
                                           "seconds (default 30, as WDS)."_qs, u"SECONDS"_qs, u"30"_qs);
    const QCommandLineOption maxConnections(u"max-connections"_qs, u"Most connections (receivers and management) at "
                                            "once; more are refused (default 20000)."_qs, u"N"_qs, u"20000"_qs);
    const QCommandLineOption maxPerAddress(u"max-connections-per-address"_qs, u"Most connections from one address at "
                                           "once (default 256)."_qs, u"N"_qs, u"256"_qs);
    const QCommandLineOption auditMaxSize(u"audit-max-size"_qs, u"Rotate the audit log when it reaches this size, "
                                          "e.g. 64K, 16M (default 16M)."_qs, u"SIZE"_qs, u"16M"_qs);
    const QCommandLineOption auditKeep(u"audit-keep"_qs, u"How many rotated audit logs to keep (default 8)."_qs,
                                       u"N"_qs, u"8"_qs);
    const QCommandLineOption config(u"config"_qs, QStringLiteral("The configuration file (default %1, if it exists).")
                                                      .arg(QLatin1String(kDefaultConfig)), u"FILE"_qs);
    const QList<QCommandLineOption> settingsOptions{stateDir, imageStore, listen, multicastInterface, maxRate,
                                                    multicastRange, portRange, profile, contentProvider,
                                                    tlsCert, tlsKey, clientTimeout, maxConnections, maxPerAddress,
                                                    auditMaxSize, auditKeep};
    parser.addOptions(settingsOptions);
    parser.addOptions({newToken, config});
    parser.process(app);

    OptionFile settings;
    const QString configPath = parser.isSet(config) ? parser.value(config) : QString::fromLatin1(kDefaultConfig);
    if (parser.isSet(config) || QFileInfo::exists(configPath)) {
        QString configError;
        if (!settings.load(configPath, u"server"_qs, settingsOptions, &configError))
            return usageError(configError);
    }
    auto isSet = [&](const QCommandLineOption &option) { return settings.isSet(parser, option); };
    auto value = [&](const QCommandLineOption &option) { return settings.value(parser, option); };

    if (parser.isSet(newToken)) {
        const std::optional<AccessRole> role = accessRoleFromString(parser.value(newToken));
        if (!role)
            return usageError(QStringLiteral("--new-token needs admin or viewer, not '%1'").arg(parser.value(newToken)));
        if (!isSet(stateDir))
            return usageError(u"--new-token needs --state-dir"_qs);
        return mintToken(value(stateDir), *role);
    }
    if (!isSet(stateDir) || !isSet(imageStore))
        return usageError(u"--state-dir and --image-store are required, on the command line or in the configuration "
                          "file (see --help)"_qs);
    if (isSet(tlsCert) != isSet(tlsKey))
        return usageError(u"--tls-cert and --tls-key go together"_qs);
    QString error;
    const std::optional<HostPort> listenAt = parseHostPort(value(listen), proto::kDefaultPort, &error);
    if (!listenAt)
        return usageError(QStringLiteral("--listen: %1").arg(error));
    const QHostAddress listenAddress(listenAt->host);
    const QHostAddress interfaceAddress(value(multicastInterface));
    if (listenAddress.isNull())
        return usageError(QStringLiteral("--listen needs an IP address, not '%1'").arg(listenAt->host));
    if (interfaceAddress.isNull())
        return usageError(QStringLiteral("--multicast-interface needs an IP address, not '%1'").arg(value(multicastInterface)));
    bool rateOk = false;
    const double megabytesPerSecond = value(maxRate).toDouble(&rateOk);
    if (!rateOk || megabytesPerSecond < 0)
        return usageError(QStringLiteral("--max-rate needs a number of MB/s, not '%1'").arg(value(maxRate)));

    ServerOptions options;
    options.listenAddress = listenAddress;
    options.listenPort = listenAt->port;
    options.stateDirectory = value(stateDir);
    options.imageStore = value(imageStore);
    options.transfer.multicastInterface = interfaceAddress;
    options.transfer.maxRate = qint64(megabytesPerSecond * 1e6);
    const std::optional<QCborMap> transport = transportFromOptions(
        {settings.values(parser, multicastRange), isSet(portRange) ? value(portRange) : QString(),
         isSet(profile) ? value(profile) : QString()}, &error);
    if (!transport)
        return usageError(error);
    options.transport = *transport;
    for (const QString &provider : settings.values(parser, contentProvider)) {
        const QString name = provider.section(u'=', 0, 0).trimmed();
        const QString path = provider.section(u'=', 1).trimmed();
        if (name.isEmpty() || path.isEmpty() || name.compare(u"file"_qs, Qt::CaseInsensitive) == 0)
            return usageError(QStringLiteral("--content-provider needs NAME=PATH with a name other than 'file', not '%1'").arg(provider));
        options.transfer.contentProviders.insert(name, path);
    }
    const int timeoutSeconds = value(clientTimeout).toInt();
    if (timeoutSeconds < 2)
        return usageError(QStringLiteral("--client-timeout needs at least 2 seconds, not '%1'").arg(value(clientTimeout)));
    options.clientTimeoutSeconds = timeoutSeconds;
    const std::optional<int> connectionCap = positiveInteger(value(maxConnections));
    const std::optional<int> addressCap = positiveInteger(value(maxPerAddress));
    if (!connectionCap || !addressCap)
        return usageError(u"--max-connections and --max-connections-per-address need a whole number above 0"_qs);
    options.connections.total = *connectionCap;
    options.connections.perAddress = *addressCap;
    options.connections.unauthenticated = std::min(options.connections.unauthenticated, *connectionCap);
    const std::optional<qint64> auditBytes = parseByteSize(value(auditMaxSize));
    const std::optional<int> auditFiles = positiveInteger(value(auditKeep));
    if (!auditBytes || *auditBytes < 4096 || !auditFiles)
        return usageError(u"--audit-max-size needs a size of at least 4K (e.g. 16M), and --audit-keep a whole number "
                          "above 0"_qs);
    options.audit = {*auditBytes, *auditFiles};
    options.tlsCertificate = value(tlsCert);
    options.tlsKey = value(tlsKey);

    quitOnTerminationSignals(SignalExit::Success);
    raiseOpenFileLimit(); // one descriptor per client: thousands of them
    Server server(options);
    Error startError;
    if (!server.start(&startError)) {
        std::fprintf(stderr, "deploycastd: %s\n", qPrintable(startError.message));
        return 1;
    }
    return app.exec();
}
