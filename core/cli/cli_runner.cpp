// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_runner.h"

#include "client/management_client.h"
#include "protocol/messages.h"
#include "cli_text.h"
#include "common/printable.h"

#include <QFile>
#include <QElapsedTimer>
#include <QTimer>

namespace deploycast::cli {
namespace {

// The exit code for a failed request: unreachable, connection lost, or refused.
int exitCodeFor(const Error &error)
{
    if (error.code == QLatin1String(ClientErrorCode::Unreachable) || error.code == QLatin1String(ClientErrorCode::HostNotFound)
        || error.code == QLatin1String(ClientErrorCode::ConnectionRefused))
        return Exit::Unreachable;
    if (error.code == QLatin1String(ClientErrorCode::ConnectionLost) || error.code == QLatin1String(ErrorCode::MalformedFrame))
        return Exit::ConnectionLost;
    return Exit::Refused;
}

} // namespace

std::optional<QString> tokenFromEnvironment(const QString &tokenFile, Error *error)
{
    const QString environmentFile = qEnvironmentVariable("DEPLOYCAST_TOKEN_FILE");
    const QString path = !tokenFile.isEmpty() ? tokenFile : environmentFile;
    if (tokenFile.isEmpty() && qEnvironmentVariableIsSet("DEPLOYCAST_TOKEN"))
        return qEnvironmentVariable("DEPLOYCAST_TOKEN").trimmed();
    if (path.isEmpty())
        return QString(); // the local server's own token file, if any (ManagementClient)
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = {QLatin1String(ErrorCode::InvalidArgument),
                  CliText::tr("cannot read the token file %1: %2").arg(path, file.errorString())};
        return std::nullopt;
    }
    return QString::fromLatin1(file.readAll()).trimmed();
}

std::optional<HostPort> resolveServerSwitch(const QString &text, QString *error)
{
    const QString spec = text.isEmpty() ? qEnvironmentVariable("DEPLOYCAST_SERVER", u"127.0.0.1"_qs) : text;
    return parseHostPort(spec, proto::kDefaultPort, error);
}

CliRunner::CliRunner(const ParsedCommand &command, QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_command(command)
    , m_out(out)
    , m_err(err)
{
}

void CliRunner::start()
{
    QString error;
    const std::optional<HostPort> server = resolveServerSwitch(m_command.value(u"Server"_qs), &error);
    if (!server) {
        m_err << "deploycast: " << error << Qt::endl;
        done(Exit::Usage);
        return;
    }
    m_server = *server;
    m_client = new ManagementClient(this);
    connect(m_client, &ManagementClient::ready, this, &CliRunner::execute);
    connect(m_client, &ManagementClient::failed, this, &CliRunner::failWith);
    ConnectOptions options;
    options.trustNew = m_command.has(u"TrustNew"_qs);
    Error tokenError;
    const std::optional<QString> token = tokenFromEnvironment(m_command.value(u"TokenFile"_qs), &tokenError);
    if (!token) {
        m_err << "deploycast: " << tokenError.message << Qt::endl;
        done(Exit::Usage);
        return;
    }
    options.token = *token;
    m_connectOptions = options;
    m_client->connectToServer(m_server.host, m_server.port, options);
}

bool CliRunner::json() const
{
    return m_command.value(u"Format"_qs) == u"Json"_qs;
}

void CliRunner::verbose(const QString &message)
{
    if (m_command.has(u"Verbose"_qs))
        m_err << "deploycast: " << message << Qt::endl;
}

void CliRunner::callThen(api::Method method, const QCborMap &params, std::function<void(const QCborMap &)> next)
{
    const QString name = api::methodName(method);
    verbose(tr("sending %1 to %2").arg(name, printable(m_client->serverName())));
    QElapsedTimer timer;
    timer.start();
    m_client->request(name, params, [this, name, timer, next](const QCborMap &result, const Error &error) {
        verbose(tr("%1 answered in %2 ms").arg(name).arg(timer.elapsed()));
        if (!error.isNull()) {
            failWith(error);
            return;
        }
        next(result);
    });
}

void CliRunner::call(api::Method method, const QCborMap &params, ResultHandler onResult)
{
    callThen(method, params, [this, onResult](const QCborMap &result) { done(onResult(result)); });
}

void CliRunner::execute()
{
    verbose(tr("connected to %1 (%2:%3)").arg(printable(m_client->serverName()), m_server.host).arg(m_server.port));
    const CommandHandler run = m_command.command->run;
    if (!run) { // every spec has one (tst_command_line checks); this keeps a slip from hanging
        m_err << "deploycast: " << tr("/%1 is not implemented").arg(m_command.command->name) << Qt::endl;
        done(Exit::Usage);
        return;
    }
    (this->*run)();
}

void CliRunner::usageError(const QString &message)
{
    m_err << "deploycast: " << message << Qt::endl;
    done(Exit::Usage);
}

void CliRunner::failWith(const Error &error)
{
    m_err << "deploycast: " << printable(localizedMessage(error)) << Qt::endl;
    done(exitCodeFor(error));
}

void CliRunner::done(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_out.flush();
    m_err.flush();
    QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT finished(exitCode); });
}

} // namespace deploycast::cli
