// SPDX-License-Identifier: GPL-3.0-or-later
// deploycast-loadgen: many simulated receivers from one process, for scale
// tests and demos. All the work is in core/loadgen.
#include "common/host_port.h"
#include "common/open_file_limit.h"
#include "common/termination_signals.h"
#include "loadgen/load_generator.h"
#include "protocol/messages.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace deploycast;

namespace {
constexpr int kUsage = 2;

int usageError(const QString &message)
{
    std::fprintf(stderr, "deploycast-loadgen: %s\n", qPrintable(message));
    return kUsage;
}

void printCounts(const LoadGenerator &generator)
{
    const LoadGenerator::Counts counts = generator.counts();
    std::fprintf(stderr, "deploycast-loadgen: %d joined, %d connecting; ended: %d completed, %d aborted, "
                         "%d disconnected, %d left, %d failed%s\n",
                 counts.joined, counts.connecting, counts.completed, counts.aborted, counts.disconnected, counts.left,
                 counts.failed, counts.failed ? qPrintable(u" (last: "_qs + generator.lastFailure() + u')') : "");
}
} // namespace

int main(int argc, char *argv[])
{
    // Qt's own event dispatcher, not GLib's: with 10,000 sockets, GLib's
    // walked every one of them on each wakeup, and clients joined four
    // times slower (docs/benchmarks.md).
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"deploycast-loadgen"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(DEPLOYCAST_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Opens many simulated receivers from one process: each is a real receiver control connection "
        "(TLS, join, a status report every second, kicks obeyed) without the multicast data. For scale "
        "tests and demos of deploycastd and the console.\n\n"
        "Clients are spread over every --server and --transmission given, in turn. A client that reaches "
        "the end of the image completes as a real one does and the next one joins in its place; a client "
        "that is disconnected leaves (load clients cannot fall back to unicast); one whose connection fails tries again a second later.\n\n"
        "Prints \"ready: N clients joined\" on standard output once the first N have joined, and a count "
        "every 5 s on standard error. Runs until --duration ends or it is interrupted.\n\n"
        "Exit codes: 0 done; 1 no client could join (the reason is printed); 2 usage error."_qs);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(u"server"_qs, u"A server (default 127.0.0.1:7405); repeat for several."_qs, u"HOST:PORT"_qs);
    const QCommandLineOption transmission(u"transmission"_qs, u"A transmission to join on each server; repeat for several."_qs, u"NAME"_qs);
    const QCommandLineOption clients(u"clients"_qs, u"How many clients to keep joined (default 100)."_qs, u"N"_qs, u"100"_qs);
    const QCommandLineOption rateProfile(u"rate-profile"_qs, u"steady:RATE or uniform:MIN-MAX, in bytes per second "
                                         "with K, M or G (default uniform:64K-4M)."_qs, u"PROFILE"_qs, u"uniform:64K-4M"_qs);
    const QCommandLineOption churn(u"churn"_qs, u"Every second this percentage of clients leaves and as many new ones "
                                   "join, once all have joined (default 0)."_qs, u"PERCENT"_qs, u"0"_qs);
    const QCommandLineOption stuck(u"stuck"_qs, u"This percentage of clients reports no progress (default 0)."_qs, u"PERCENT"_qs, u"0"_qs);
    const QCommandLineOption synchronized(u"synchronized"_qs, u"All clients report in the same instant, instead of "
                                          "spread over each second."_qs);
    const QCommandLineOption namePrefix(u"name-prefix"_qs, u"Machine names are PREFIX-00001 and on (default load)."_qs, u"PREFIX"_qs, u"load"_qs);
    const QCommandLineOption fingerprint(u"server-fingerprint"_qs, u"Refuse a server whose certificate is not this one."_qs, u"SHA256"_qs);
    const QCommandLineOption joinToken(u"join-token"_qs, u"The join token of a transmission that requires one."_qs, u"TOKEN"_qs);
    const QCommandLineOption sharedAddress(u"shared-address"_qs, u"Connect every client from the same address; by default "
                                           "each client uses its own 127.x.y.z when the server is on loopback."_qs);
    const QCommandLineOption duration(u"duration"_qs, u"Stop after this many seconds (default: run until interrupted)."_qs, u"SECONDS"_qs, u"0"_qs);
    const QCommandLineOption seed(u"seed"_qs, u"Seed for rates and churn (default 1)."_qs, u"N"_qs, u"1"_qs);
    const QCommandLineOption quiet(u"quiet"_qs, u"Print only errors and the ready line."_qs);
    parser.addOptions({server, transmission, clients, rateProfile, churn, stuck, synchronized, namePrefix, fingerprint,
                       joinToken, sharedAddress, duration, seed, quiet});
    parser.process(app);

    LoadOptions options;
    QString error;
    const QStringList servers = parser.isSet(server) ? parser.values(server) : QStringList{u"127.0.0.1:7405"_qs};
    if (!parser.isSet(transmission))
        return usageError(u"--transmission is required (see --help)"_qs);
    for (const QString &text : servers) {
        const std::optional<HostPort> target = parseHostPort(text, proto::kDefaultPort, &error);
        if (!target)
            return usageError(QStringLiteral("--server: %1").arg(error));
        for (const QString &name : parser.values(transmission))
            options.targets.append({target->host, target->port, name});
    }
    auto number = [&](const QCommandLineOption &option, double low, double high) -> std::optional<double> {
        bool ok = false;
        const double value = parser.value(option).toDouble(&ok);
        if (!ok || value < low || value > high)
            return std::nullopt;
        return value;
    };
    const auto clientCount = number(clients, 1, 100'000);
    const auto churnPercent = number(churn, 0, 100);
    const auto stuckPercent = number(stuck, 0, 100);
    const auto seconds = number(duration, 0, 1e7);
    const auto seedValue = number(seed, 0, 4e9);
    if (!clientCount)
        return usageError(QStringLiteral("--clients needs a number from 1 to 100000, not '%1'").arg(parser.value(clients)));
    if (!churnPercent || !stuckPercent)
        return usageError(u"--churn and --stuck need a percentage from 0 to 100"_qs);
    if (!seconds || !seedValue)
        return usageError(u"--duration and --seed need a whole number of at least 0"_qs);
    const auto profile = RateProfile::parse(parser.value(rateProfile), &error);
    if (!profile)
        return usageError(QStringLiteral("--rate-profile: %1").arg(error));
    options.clients = int(*clientCount);
    options.profile = *profile;
    options.churnPercent = *churnPercent;
    options.stuckPercent = *stuckPercent;
    options.synchronized = parser.isSet(synchronized);
    options.namePrefix = parser.value(namePrefix);
    options.serverFingerprint = parser.value(fingerprint);
    options.joinToken = parser.value(joinToken);
    options.ownLoopbackAddresses = !parser.isSet(sharedAddress);
    options.seed = quint32(*seedValue);

    const long openFiles = raiseOpenFileLimit();
    if (openFiles >= 0 && openFiles < options.clients + 64)
        return usageError(QStringLiteral("%1 clients need %1 open files, and this process may open only %2 "
                                         "(raise the hard limit: ulimit -Hn)").arg(options.clients).arg(openFiles));

    quitOnTerminationSignals(SignalExit::Success); // stopping it is how a load test ends
    LoadGenerator generator(options);
    QObject::connect(&generator, &LoadGenerator::allJoined, &app, [&options] {
        std::printf("ready: %d clients joined\n", options.clients);
        std::fflush(stdout);
    });
    QObject::connect(&generator, &LoadGenerator::gaveUp, &app, [](const QString &reason) {
        std::fprintf(stderr, "deploycast-loadgen: no client could join: %s\n", qPrintable(reason));
        QCoreApplication::exit(1);
    });
    QTimer countsTimer;
    if (!parser.isSet(quiet)) {
        QObject::connect(&countsTimer, &QTimer::timeout, &app, [&generator] { printCounts(generator); });
        countsTimer.start(5000);
    }
    if (*seconds > 0)
        QTimer::singleShot(int(*seconds * 1000), &app, &QCoreApplication::quit);
    generator.start();
    const int code = app.exec();
    if (!parser.isSet(quiet))
        printCounts(generator);
    return code;
}
