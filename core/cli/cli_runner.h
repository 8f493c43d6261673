#pragma once

#include "command_line.h"
#include "common/error.h"
#include "common/host_port.h"

#include <QCborMap>
#include <QObject>
#include <QTextStream>

namespace deploycast {
class ManagementClient;
}

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

Q_SIGNALS:
    void finished(int exitCode);

private:
    void execute();
    void call(const QString &method, const QCborMap &params, std::function<int(const QCborMap &)> onResult);
    void done(int exitCode);

    int printSession(const QCborMap &result, const QString &jsonKey);
    int printSessions(const QCborMap &result, const QString &jsonKey, bool withClients);
    int printDisconnect(const QCborMap &result);
    int printServer(const QCborMap &result);
    int printFallbackClients(const QCborMap &result);
    int printAuditLog(const QCborMap &result);
    int printSnapshot(QCborMap snapshot);
    void printJson(const QCborMap &document);
    bool json() const;

    ParsedCommand m_command;
    QTextStream &m_out;
    QTextStream &m_err;
    ManagementClient *m_client = nullptr;
    HostPort m_server;
    bool m_finished = false;
};

} // namespace deploycast::cli
