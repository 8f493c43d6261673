// SPDX-License-Identifier: GPL-3.0-or-later
// deploycast-console: the Qt desktop console. All the work is in ui/ and models/.
#include "client/server_connection.h"
#include "client/server_list.h"
#include "common/host_port.h"
#include "common/translations.h"
#include "deterministic_look.h"
#include "main_window.h"
#include "protocol/messages.h"
#include "screenshot_session.h"

#include <QApplication>
#include <QCborValue>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSettings>

#include <cstdio>
#include <cstring>

using namespace deploycast;

namespace {

// The translation context of this program's own help and messages.
struct ConsoleText {
    Q_DECLARE_TR_FUNCTIONS(ConsoleText)
};

int usageError(const QString &message)
{
    std::fprintf(stderr, "deploycast-console: %s\n", qPrintable(message));
    return 2;
}

std::optional<QCborMap> readRecording(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = ConsoleText::tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QCborParserError parseError;
    const QCborValue value = QCborValue::fromCbor(file.readAll(), &parseError);
    if (parseError.error != QCborError::NoError || !value.isMap()) {
        *error = ConsoleText::tr("%1 is not a recorded snapshot (deploycast /Get-Server /Show:Snapshot /Format:Cbor)").arg(path);
        return std::nullopt;
    }
    return value.toMap();
}

// Selects a tree path once it exists (after the server's snapshot) and puts
// the focus in the client table.
void selectWhenAvailable(MainWindow *window, ServerList *servers, const QString &path)
{
    auto connections = std::make_shared<QList<QMetaObject::Connection>>();
    auto attempt = [window, path, connections] {
        if (window->selectPath(path))
            for (const QMetaObject::Connection &connection : *connections)
                QObject::disconnect(connection);
    };
    for (ServerConnection *server : servers->servers())
        connections->append(QObject::connect(server, &ServerConnection::changed, window, attempt));
    attempt();
}

// --help and --version print text and exit: they must work without a display
// (over ssh, or when the man page is made), where QApplication would abort.
bool onlyPrintsText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char *option : {"-h", "--help", "--help-all", "-v", "--version"})
            if (std::strcmp(argv[i], option) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (onlyPrintsText(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Deploycast"_qs);
    QApplication::setApplicationName(u"deploycast-console"_qs);
    QApplication::setApplicationVersion(QStringLiteral(DEPLOYCAST_VERSION));
    // The language must be in place before any text is made, so --lang is
    // read ahead of the full parse.
    const QStringList arguments = QCoreApplication::arguments();
    const qsizetype langAt = arguments.indexOf(u"--lang"_qs);
    installTranslations(langAt >= 0 ? arguments.value(langAt + 1) : QString());

    QCommandLineParser parser;
    parser.setApplicationDescription(ConsoleText::tr("Deploycast console: watch and steer multicast transmissions and their clients."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(u"server"_qs, ConsoleText::tr("Also watch this server for this run (repeatable)."), u"HOST[:PORT]"_qs);
    const QCommandLineOption select(u"select"_qs, ConsoleText::tr("Select this tree node at start, e.g. \"127.0.0.1:7405/Multicast Transmissions/Lab\", "
                                                  "and put the keyboard focus in the client table."),
                                    u"SERVER/PATH"_qs);
    const QCommandLineOption replay(u"replay"_qs, ConsoleText::tr("Show a recorded snapshot (deploycast /Get-Server /Show:Snapshot /Format:Cbor) "
                                                  "instead of live servers."), u"FILE"_qs);
    const QCommandLineOption replayLost(u"replay-lost"_qs, ConsoleText::tr("With --replay: show the server as if its connection had just dropped."));
    const QCommandLineOption screenshot(u"screenshot"_qs, ConsoleText::tr("Wait for the data, render the window to FILE (PNG) and exit: 0 on success, "
                                                          "3 if the data did not arrive in time."), u"FILE"_qs);
    const QCommandLineOption size(u"size"_qs, ConsoleText::tr("Window size (default: what fits the screen; 1366x768 with --screenshot)."),
                                  u"WxH"_qs);
    const QCommandLineOption selectRows(u"select-rows"_qs, ConsoleText::tr("With --screenshot: select the client table's first N rows."), u"N"_qs);
    const QCommandLineOption dialog(u"dialog"_qs, ConsoleText::tr("With --screenshot: open this over the window: disconnect, "
                                                                   "disconnect-force, transmission-properties or client-details."),
                                    u"NAME"_qs);
    const QCommandLineOption palette(u"palette"_qs, ConsoleText::tr("Colours: system (default), light or dark (Fusion's, "
                                                                    "as the screenshots use)."),
                                     u"PALETTE"_qs, u"system"_qs);
    const QCommandLineOption timeout(u"timeout"_qs, ConsoleText::tr("With --screenshot: how long to wait for the data (default 30)."),
                                     u"SECONDS"_qs, u"30"_qs);
    const QCommandLineOption lang(u"lang"_qs, ConsoleText::tr("The console's language: en or fr (default: the system's)."), u"LANG"_qs);
    parser.addOptions({server, select, replay, replayLost, screenshot, size, selectRows, dialog, timeout, lang, palette});
    parser.process(app);

    const bool takingScreenshot = parser.isSet(screenshot);
    const QString sizeText = parser.isSet(size) ? parser.value(size) : takingScreenshot ? u"1366x768"_qs : QString();
    const QStringList sizeParts = sizeText.split(u'x');
    const QSize windowSize(sizeParts.value(0).toInt(), sizeParts.value(1).toInt());
    if (!sizeText.isEmpty() && (sizeParts.size() != 2 || windowSize.width() < 200 || windowSize.height() < 150))
        return usageError(ConsoleText::tr("--size needs WIDTHxHEIGHT, e.g. 1366x768, not '%1'").arg(sizeText));
    const std::optional<ConsolePalette> colours = consolePaletteFromString(parser.value(palette));
    if (!colours)
        return usageError(ConsoleText::tr("--palette takes system, light or dark, not '%1'").arg(parser.value(palette)));
    ScreenshotRequest request;
    request.file = parser.value(screenshot);
    request.select = parser.value(select);
    request.selectRows = parser.value(selectRows).toInt();
    request.timeoutSeconds = parser.value(timeout).toInt();
    const QString dialogName = parser.value(dialog);
    if (dialogName == u"disconnect"_qs)
        request.dialog = ScreenshotRequest::Dialog::Disconnect;
    else if (dialogName == u"disconnect-force"_qs)
        request.dialog = ScreenshotRequest::Dialog::DisconnectForce;
    else if (dialogName == u"transmission-properties"_qs)
        request.dialog = ScreenshotRequest::Dialog::TransmissionProperties;
    else if (dialogName == u"client-details"_qs)
        request.dialog = ScreenshotRequest::Dialog::ClientDetails;
    else if (!dialogName.isEmpty())
        return usageError(ConsoleText::tr("--dialog takes disconnect, disconnect-force, transmission-properties or "
                                          "client-details, not '%1'").arg(dialogName));
    if (takingScreenshot)
        applyDeterministicLook();
    applyPalette(*colours);
    QApplication::setWindowIcon(QIcon(u":/icons/deploycast-console.svg"_qs));

    ServerList servers;
    if (parser.isSet(replay)) {
        QString error;
        const std::optional<QCborMap> recording = readRecording(parser.value(replay), &error);
        if (!recording)
            return usageError(error);
        ServerConnection *replayed = servers.addReplay(*recording);
        if (parser.isSet(replayLost))
            replayed->replayLoss(ConsoleText::tr("connection refused"), 8);
    } else {
        // A screenshot pictures what was asked for, not the user's saved servers.
        QStringList addresses = parser.values(server);
        if (!takingScreenshot)
            addresses = QSettings().value(u"servers"_qs).toStringList() + addresses;
        if (addresses.isEmpty() && !takingScreenshot)
            addresses.append(u"127.0.0.1:7405"_qs); // the local server
        for (const QString &text : std::as_const(addresses)) {
            QString error;
            const std::optional<HostPort> address = parseHostPort(text, proto::kDefaultPort, &error);
            if (!address)
                return usageError(ConsoleText::tr("--server %1: %2").arg(text, error));
            servers.add(*address);
        }
    }

    MainWindow window(&servers, !takingScreenshot);
    if (!sizeText.isEmpty())
        window.resize(windowSize);
    window.show();
    if (takingScreenshot) {
        auto *session = new ScreenshotSession(&window, &servers, request, &app);
        QObject::connect(session, &ScreenshotSession::finished, &app, &QCoreApplication::exit);
        session->start();
    } else if (parser.isSet(select)) {
        selectWhenAvailable(&window, &servers, parser.value(select));
    }
    return app.exec();
}
