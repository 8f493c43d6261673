// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command_line.h"
#include "common/error.h"
#include "common/host_port.h"
#include "domain/catalog_image.h"
#include "domain/session_info.h"
#include "client/image_sender.h"
#include "protocol/management_api.h"

#include <QCborArray>
#include <QCborMap>
#include <QObject>
#include <QTextStream>

#include <functional>

#include "client/management_client.h"

namespace deploycast::cli {

// The command line's exit codes (docs/cli.md).
namespace Exit {
inline constexpr int Success = 0;
inline constexpr int Refused = 1;        // the server refused or failed the request
inline constexpr int Usage = 2;
inline constexpr int Unreachable = 3;
inline constexpr int ConnectionLost = 4; // or a protocol error mid-request
}

// The /Server: switch: empty means $DEPLOYCAST_SERVER, or else 127.0.0.1:7405.
std::optional<HostPort> resolveServerSwitch(const QString &text, QString *error);
// The management token: /TokenFile:, else $DEPLOYCAST_TOKEN, else the file
// named by $DEPLOYCAST_TOKEN_FILE; empty if none (then a local server's own
// token file is tried). nullopt if a named file cannot be read.
std::optional<QString> tokenFromEnvironment(const QString &tokenFile, Error *error);

// Runs one parsed command against a server and prints its result. Emits
// finished() with the exit code.
class CliRunner : public QObject
{
    Q_OBJECT
public:
    CliRunner(const ParsedCommand &command, QTextStream &out, QTextStream &err, QObject *parent = nullptr);

    void start();

    // The commands, one per CommandSpec::run (cli_commands.cpp). Each sends
    // its requests and ends with done().
    void runDisconnectClient();
    void runGetSession(); // a transmission or a namespace
    void runGetAllTransmissions();
    void runNewSession();
    void runStartSession();
    void runRemoveSession();
    void runGetAllNamespaces();
    void runGetServer();
    void runSetTransportServer();
    void runGetTransportServer();
    void runControlTransport(); // Start-, Stop-, Enable-, Disable-TransportServer, Start- and Stop-Server
    void runGetAllServers();
    void runGetAllFallbackClients();
    void runGetAuditLog();
    void runGetHistory();
    // The image catalog (cli_catalog_commands.cpp).
    void runAddImageGroup();
    void runRemoveImageGroup();
    void runSetImageGroup();
    void runGetImageGroup();
    void runGetAllImageGroups();
    void runAddImage();
    void runGetImage();
    void runGetAllImages();
    void runSetImage();
    void runReplaceImage();
    void runRemoveImage();
    void runCopyImage();
    void runExportImage();

Q_SIGNALS:
    void finished(int exitCode);

private:
    using ResultHandler = std::function<int(const QCborMap &)>;
    void execute();
    void call(api::Method method, const QCborMap &params, ResultHandler onResult);
    // Like call(), but a success leaves the run going: for commands that send
    // more than one request.
    void callThen(api::Method method, const QCborMap &params, std::function<void(const QCborMap &)> next);
    void usageError(const QString &message);
    // A request or transfer that failed: its message in the admin's language,
    // and the exit code of its error.
    void failWith(const Error &error);
    // The next server of /Get-AllServers, or done() after the last.
    void showNextServer(QStringList targets, bool allReached);
    void done(int exitCode);
    bool isNamespaceCommand() const;
    SessionKind kind() const;
    QString sessionName() const; // /Namespace: or /FriendlyName:
    // The session a command names: by /Namespace or /FriendlyName, or a
    // transmission by its image; nullopt (after a usage error) if neither.
    std::optional<QCborMap> sessionReference();
    // The image named by /Image /ImageType /ImageGroup /Architecture /Filename.
    ImageQuery imageQuery() const;
    // Sends a local file as an image (Add-Image, Replace-Image), showing
    // progress under /Progress, then runs next with the catalog's image.
    void sendImage(const QString &localFile, const ImageQuery &image, const QString &description, bool replace,
                   std::function<void(const QCborMap &)> next);
    // Runs an ImageSender (a file sent, or a copy on the server) with
    // progress under /Progress, labelled `what`.
    void compressImage(const QString &localFile, std::function<void(const QString &)> next);
    void sendAddedImage(const QString &localFile, const ImageQuery &image, const std::optional<QByteArray> &unattend);
    void runImageSender(const ImageSender::Request &request, const QString &what, std::function<void(const QCborMap &)> next);
    // "Copying NAME: 42% (…, 80.1 MB/s)" on stderr under /Progress.
    std::function<void(qint64, qint64)> progressPrinter(const QString &verb, const QString &what);
    // Reads a small local file (/UnattendFile) for a request; nullopt after a usage error.
    std::optional<QByteArray> readUnattendFile();
    void verbose(const QString &message);

    int printSession(const QCborMap &result, const QString &jsonKey);
    int printSessions(const QCborMap &result, const QString &jsonKey, bool withClients);
    int printDisconnect(const QCborMap &result);
    int printServer(const QCborMap &result);
    int printTransport(const QCborMap &result);
    int printFallbackClients(const QCborMap &result);
    int printAuditLog(const QCborMap &result);
    int printHistory(const QCborMap &result);
    int printImages(const QCborArray &images, bool detailed, const QString &title);
    int printImageGroups(const QCborArray &groups, const QCborArray &images, bool detailed);
    int printSnapshot(QCborMap snapshot);
    void printJson(const QCborMap &document);
    bool json() const;

    ParsedCommand m_command;
    QTextStream &m_out;
    QTextStream &m_err;
    ManagementClient *m_client = nullptr;
    HostPort m_server;
    bool m_finished = false;
    ConnectOptions m_connectOptions; // how start() connected: /Get-AllServers connects to others alike
    QCborArray m_serverReports;      // /Get-AllServers /Format:Json
    QString m_connectedTarget;       // /Get-AllServers: the one server the given token is for
};

} // namespace deploycast::cli
