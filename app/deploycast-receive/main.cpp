// SPDX-License-Identifier: GPL-3.0-or-later
// deploycast-receive: joins a transmission or namespace and writes it to a
// file. All the work is in core/receiver.
#include "common/host_port.h"
#include "common/printable.h"
#include "common/termination_signals.h"
#include "common/units.h"
#include "protocol/messages.h"
#include "receiver/kernel_cmdline.h"
#include "receiver/output_file.h"
#include "receiver/receiver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostInfo>

#include <csignal>
#include <cstdio>
#include <memory>

using namespace deploycast;

namespace {
int usageError(const QString &message)
{
    std::fprintf(stderr, "deploycast-receive: %s\n", qPrintable(printable(message)));
    return ReceiveExit::Usage;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"deploycast-receive"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(DEPLOYCAST_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Joins a Deploycast transmission or namespace, receives it by multicast (or by unicast after a "
        "disconnect without Force), verifies its SHA-256 and writes it to FILE. With --image it gets a catalog "
        "image: by its transmission if it has one, else by unicast.\n\n"
        "Exit codes: 0 complete and verified; 1 failure; 2 usage error (including an --output that is neither a "
        "file nor a disk); 3 aborted by a disconnect with Force; 4 disconnected under --no-fallback; 5 the disk was "
        "refused before anything was written (in use, too small, cannot be opened); 130 and 143 interrupted by SIGINT "
        "and SIGTERM (a partial file is removed). A disk left by a failure holds part of an image and is not usable: "
        "the message says so."_qs);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(u"server"_qs, u"The server (default 127.0.0.1:7405)."_qs, u"HOST:PORT"_qs, u"127.0.0.1:7405"_qs);
    const QCommandLineOption transmission(u"transmission"_qs, u"The multicast transmission to join."_qs, u"NAME"_qs);
    const QCommandLineOption nameSpace(u"namespace"_qs, u"The namespace to join."_qs, u"NAME"_qs);
    const QCommandLineOption output(u"output"_qs, u"Where to write the content: a file, which appears only once verified, or a "
                                    "disk or partition (/dev/sdb, /dev/nvme0n1), written in place once it is checked to be unused "
                                    "and big enough. A namespace that serves a folder writes its tree there, as a folder that must "
                                    "not exist yet."_qs, u"FILE|DEVICE"_qs);
    const QCommandLineOption verifyAfter(u"verify-after"_qs, u"Once written and flushed, read the whole output back from the "
                                         "disk and check its SHA-256 again."_qs);
    const QCommandLineOption name(u"name"_qs, u"The machine name to report (default: the host name)."_qs, u"MACHINE"_qs);
    const QCommandLineOption noFallback(u"no-fallback"_qs, u"Do not fall back to unicast when disconnected: fail instead, like Wdsmcast.exe."_qs);
    const QCommandLineOption iface(u"interface"_qs, u"Join the multicast group on the interface with this address (default: the one that reaches the server)."_qs, u"ADDR"_qs);
    const QCommandLineOption quiet(u"quiet"_qs, u"Print only errors."_qs);
    const QCommandLineOption fingerprint(u"server-fingerprint"_qs, u"Refuse a server whose TLS certificate is not this "
                                         "one (SHA256:AA:BB:..., as deploycastd logs it at start)."_qs, u"SHA256"_qs);
    const QCommandLineOption joinToken(u"join-token"_qs, u"The join token of a transmission that requires one "
                                       "(an admin sees it in deploycast /Get-MulticastTransmission)."_qs, u"TOKEN"_qs);
    const QCommandLineOption image(u"image"_qs, u"Get this catalog image: by its multicast transmission if it has one, "
                                   "else by unicast, as a WDS client does."_qs, u"NAME"_qs);
    const QCommandLineOption imageType(u"image-type"_qs, u"With --image: install (the default) or boot."_qs, u"TYPE"_qs,
                                       u"install"_qs);
    const QCommandLineOption imageGroup(u"image-group"_qs, u"With --image: the install image's group, when its name is "
                                        "in several."_qs, u"GROUP"_qs);
    const QCommandLineOption architecture(u"architecture"_qs, u"With --image: the image's architecture (x86, x64, ia64, "
                                          "arm, arm64), when its name is in several."_qs, u"ARCH"_qs);
    const QCommandLineOption kernelCmdline(u"kernel-cmdline"_qs, u"Take the settings from a kernel command line "
                                           "(/proc/cmdline on a machine that boots from the network): deploycast.server=, "
                                           "deploycast.image= or deploycast.transmission=, deploycast.target=, and more "
                                           "(see deploycast-receive(1) and docs/netboot.md). Options given here as well "
                                           "take precedence."_qs, u"FILE"_qs);
    parser.addOptions({server, transmission, nameSpace, image, imageType, imageGroup, architecture, output, name, noFallback,
                       iface, quiet, fingerprint, joinToken, verifyAfter, kernelCmdline});
    parser.process(app);
    QString after; // deploycast.after: what the machine does once imaged
    if (parser.isSet(kernelCmdline)) {
        QFile file(parser.value(kernelCmdline));
        if (!file.open(QIODevice::ReadOnly))
            return usageError(QStringLiteral("cannot read the kernel command line %1: %2").arg(file.fileName(), file.errorString()));
        QString why;
        const std::optional<KernelCommandLine> booted = KernelCommandLine::parse(QString::fromUtf8(file.read(65536)), &why);
        if (!booted)
            return usageError(why);
        after = booted->after;
        // Its options first: those on the real command line come later and win.
        if (!parser.parse(QStringList{QCoreApplication::arguments().first()} + booted->arguments
                          + QCoreApplication::arguments().mid(1)))
            return usageError(parser.errorText());
    }

    if (int(parser.isSet(transmission)) + int(parser.isSet(nameSpace)) + int(parser.isSet(image)) != 1)
        return usageError(u"give exactly one of --transmission, --namespace and --image (see --help)"_qs);
    if (!parser.isSet(output))
        return usageError(u"--output is required (see --help)"_qs);
    QString error;
    const std::optional<HostPort> target = parseHostPort(parser.value(server), proto::kDefaultPort, &error);
    if (!target)
        return usageError(QStringLiteral("--server: %1").arg(error));

    ReceiverOptions options;
    options.host = target->host;
    options.port = target->port;
    options.kind = parser.isSet(nameSpace) ? SessionKind::Namespace : SessionKind::Transmission;
    options.sessionName = parser.value(parser.isSet(nameSpace) ? nameSpace : transmission);
    if (parser.isSet(image)) {
        ImageQuery wanted;
        const auto type = imageTypeFromString(parser.value(imageType));
        if (!type)
            return usageError(QStringLiteral("--image-type needs install or boot, not '%1'").arg(parser.value(imageType)));
        wanted.type = *type;
        wanted.name = parser.value(image);
        wanted.group = parser.value(imageGroup);
        if (parser.isSet(architecture)) {
            const auto known = architectureFromString(parser.value(architecture));
            if (!known)
                return usageError(QStringLiteral("--architecture needs x86, x64, ia64, arm or arm64, not '%1'").arg(parser.value(architecture)));
            wanted.architecture = *known;
        }
        options.image = wanted;
        options.sessionName = wanted.name; // for messages until the server names the transmission
    }
    options.output = parser.value(output);
    options.verifyAfter = parser.isSet(verifyAfter);
    options.machineName = parser.isSet(name) ? parser.value(name) : QHostInfo::localHostName();
    options.fallback = !parser.isSet(noFallback);
    options.quiet = parser.isSet(quiet);
    options.serverFingerprint = parser.value(fingerprint);
    options.joinToken = parser.value(joinToken);
    options.simulatedLossPercent = std::clamp(qEnvironmentVariableIntValue("DEPLOYCAST_SIMULATE_LOSS"), 0, 99);
    if (parser.isSet(iface)) {
        options.interfaceAddress = QHostAddress(parser.value(iface));
        if (options.interfaceAddress.isNull())
            return usageError(QStringLiteral("--interface needs an IP address, not '%1'").arg(parser.value(iface)));
    }

    OpenedTarget opened = openOutputTarget(options.output);
    if (opened.diskRefused) {
        std::fprintf(stderr, "deploycast-receive: %s\n", qPrintable(printable(opened.problem)));
        return ReceiveExit::DiskRefused;
    }
    if (!opened.target)
        return usageError(opened.problem);
    options.diskCapacity = opened.diskCapacity;
    if (opened.target->isDisk() && !options.quiet)
        std::fprintf(stderr, "deploycast-receive: writing to the disk %s (%s), which is not in use\n",
                     qPrintable(printable(options.output)), qPrintable(formatSize(opened.diskCapacity)));
    for (const QString &stale : opened.target->isDisk() ? QStringList() : OutputFile::removeStaleParts(options.output))
        if (!options.quiet)
            std::fprintf(stderr, "deploycast-receive: removed %s, left by an earlier run that was killed\n",
                         qPrintable(printable(stale)));

    quitOnTerminationSignals(SignalExit::SignalCode);
    auto receiver = std::make_unique<Receiver>(options, std::move(opened.target));
    QObject::connect(receiver.get(), &Receiver::finished, &app, &QCoreApplication::exit);
    receiver->start();
    const int code = app.exec();
    const bool diskHalfWritten = receiver->diskHalfWritten();
    receiver.reset(); // removes the partial file of an unfinished transfer
    if (code == ReceiveExit::Success && !after.isEmpty()) {
        std::fprintf(stderr, "deploycast-receive: the disk is written; %s\n", after == u"reboot"_qs ? "rebooting" : "powering off");
        if (const QString failed = KernelCommandLine::performAfter(after); !failed.isEmpty()) {
            std::fprintf(stderr, "deploycast-receive: %s\n", qPrintable(failed));
            return ReceiveExit::Failure;
        }
    }
    if (const int signal = terminationSignal())
        std::fprintf(stderr, "deploycast-receive: interrupted by %s; %s\n", signal == SIGINT ? "SIGINT" : "SIGTERM",
                     diskHalfWritten ? qPrintable(QStringLiteral("the disk %1 holds only part of the image and is not usable")
                                                      .arg(printable(options.output)))
                                     : "the partial file was removed");
    return code;
}
