// SPDX-License-Identifier: GPL-3.0-or-later
#include "test_bed.h"

#include "common/quoted_words.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/stat.h>

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

void stopProcess(QProcess *process)
{
    if (process->state() == QProcess::NotRunning)
        return;
    process->terminate();
    if (!process->waitForFinished(10000)) {
        process->kill();
        process->waitForFinished(5000);
    }
}

} // namespace

QString TestBed::stateDir() const
{
    return m_root.filePath(u"state"_qs);
}

QString TestBed::token(const QString &role) const
{
    QFile file(stateDir() + u'/' + role + u".token"_qs);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).trimmed() : QString();
}

TestBed::TestBed()
{
    QDir(m_root.path()).mkpath(u"store"_qs);
    QDir(m_root.path()).mkpath(u"state"_qs);
    QDir(m_root.path()).mkpath(u"out"_qs);
    // The bed's server is "the local server" for this process and the tools
    // it starts: its certificate is trusted by its certificate file and its
    // admin token read from its state folder, as on an admin's own machine.
    // Pins go to the bed's own known_hosts, never the user's.
    qputenv("DEPLOYCAST_STATE_DIR", stateDir().toLocal8Bit());
    qputenv("DEPLOYCAST_KNOWN_HOSTS", m_root.filePath(u"known_hosts"_qs).toLocal8Bit());
    qunsetenv("DEPLOYCAST_TOKEN");
    qunsetenv("DEPLOYCAST_TOKEN_FILE");
}

TestBed::~TestBed()
{
    for (auto &receiver : m_receivers)
        stopProcess(receiver.get());
    stopServer();
}

QString TestBed::outputDir() const
{
    return m_root.filePath(u"out"_qs);
}

QString TestBed::server() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

QString TestBed::makeImage(const QString &relativePath, qint64 size, quint32 seed)
{
    return writeRandomFile(m_root.filePath(u"store/"_qs + relativePath), size, seed);
}

QString TestBed::makeLocalFile(const QString &name, qint64 size, quint32 seed)
{
    return writeRandomFile(m_root.filePath(name), size, seed);
}

QString TestBed::writeRandomFile(const QString &path, qint64 size, quint32 seed)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QRandomGenerator random(seed);
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (qint64 written = 0; written < size; written += chunk.size()) {
        random.fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
        file.write(chunk.constData(), std::min<qint64>(chunk.size(), size - written));
    }
    return path;
}

QByteArray TestBed::sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QString TestBed::program(const QString &name)
{
    const QString directory = qEnvironmentVariable("DEPLOYCAST_TEST_BIN_DIR");
    if (!directory.isEmpty())
        return directory + u'/' + name;
    return QFileInfo(QStringLiteral(DEPLOYCASTD_BIN)).absolutePath() + u'/' + name;
}

QProcess *TestBed::launchServer(const QStringList &extraArguments)
{
    if (m_port == 0)
        m_port = freePort(); // a restart keeps the port, as a real server's would
    if (m_server)
        m_serverOutput += QString::fromUtf8(m_server->readAll());
    m_server = std::make_unique<QProcess>();
    m_server->setProcessChannelMode(QProcess::MergedChannels);
    if (m_serverUmask >= 0)
        m_server->setChildProcessModifier([mask = m_serverUmask] { ::umask(mode_t(mask)); });
    m_server->start(program(u"deploycastd"_qs),
                    // --config /dev/null: whatever /etc/deploycast/deploycastd.conf this
                    // machine has, the tests' servers do not read it.
                    QStringList{u"--config"_qs, u"/dev/null"_qs, u"--state-dir"_qs, stateDir(), u"--image-store"_qs,
                                m_root.filePath(u"store"_qs), u"--listen"_qs, server()}
                        + extraArguments);
    m_server->waitForStarted();
    return m_server.get();
}

qint64 TestBed::serverPid() const
{
    return m_server ? m_server->processId() : 0;
}

bool TestBed::startServer(const QStringList &extraArguments)
{
    if (launchServer(extraArguments)->state() != QProcess::Running)
        return false;
    return waitUntil([this] {
        if (m_server->state() != QProcess::Running)
            return true; // gave up: checked below
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        return probe.waitForConnected(200);
    }, 15000) && m_server->state() == QProcess::Running;
}

QString TestBed::serverOutput()
{
    if (m_server)
        m_serverOutput += QString::fromUtf8(m_server->readAll());
    return m_serverOutput;
}

void TestBed::killServer()
{
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->kill();
        m_server->waitForFinished(10000);
    }
}

void TestBed::stopServer()
{
    if (m_server)
        stopProcess(m_server.get());
}

TestBed::Result TestBed::cli(const QStringList &arguments, const QProcessEnvironment &environment) const
{
    return runDeploycast(arguments + QStringList{u"/Server:"_qs + server()}, environment);
}

TestBed::Result TestBed::runDeploycast(const QStringList &arguments, const QProcessEnvironment &environment) const
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_root.path()); // where makeLocalFile puts files
    process.start(program(u"deploycast"_qs), arguments);
    Result result;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        result.err = u"timed out"_qs;
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

TestBed::Result TestBed::wdsutil(const QString &line) const
{
    QStringList words = deploycast::splitQuotedWords(line); // as cmd.exe hands it to WDSUTIL
    if (words.isEmpty() || words.takeFirst().compare(u"WDSUTIL"_qs, Qt::CaseInsensitive) != 0)
        return {-1, {}, u"not a WDSUTIL line: "_qs + line};
    for (QString &word : words)
        if (word.startsWith(u"/Server:"_qs, Qt::CaseInsensitive))
            word = u"/Server:"_qs + server();
    const bool namesServer = !words.filter(QRegularExpression(u"^/Server:"_qs, QRegularExpression::CaseInsensitiveOption)).isEmpty();
    return runDeploycast(namesServer ? words : words + QStringList{u"/Server:"_qs + server()},
                         QProcessEnvironment::systemEnvironment());
}

TestBed::Result TestBed::newTransmission(const QString &name, const QString &image, const QStringList &extra) const
{
    const bool typed = std::any_of(extra.cbegin(), extra.cend(),
                                   [](const QString &s) { return s.startsWith(u"/TransmissionType:"_qs, Qt::CaseInsensitive); });
    const Result created = cli(QStringList{u"/New-MulticastTransmission"_qs, u"/FriendlyName:"_qs + name, u"/Image:"_qs + image}
                               + (typed ? QStringList{} : QStringList{u"/TransmissionType:AutoCast"_qs}) + extra);
    // Its image is hashed before it takes clients: tests that join it by
    // hand (rather than with a receiver, which waits) want it ready.
    if (created.exitCode == 0)
        waitUntil([&] {
            return cliJson({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:"_qs + name})
                .value(u"transmission"_qs).toObject().value(u"condition"_qs).toString().isEmpty();
        }, 120000);
    return created;
}

QJsonObject TestBed::cliJson(const QStringList &arguments) const
{
    const Result result = cli(arguments + QStringList{u"/Format:Json"_qs});
    return QJsonDocument::fromJson(result.out.toUtf8()).object();
}

QProcess *TestBed::startReceiver(const QString &machine, const QString &transmission, const QStringList &extraArguments,
                                 const QProcessEnvironment &environment)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment);
    QStringList arguments{u"--server"_qs, server(), u"--output"_qs, receiverOutput(machine), u"--name"_qs, machine};
    if (!transmission.isEmpty())
        arguments << u"--transmission"_qs << transmission;
    process->start(program(u"deploycast-receive"_qs), arguments + extraArguments);
    process->waitForStarted();
    m_receivers.push_back(std::move(process));
    return m_receivers.back().get();
}

QProcess *TestBed::startLoadgen(const QString &transmission, int clients, const QStringList &extraArguments)
{
    auto process = std::make_unique<QProcess>();
    process->start(program(u"deploycast-loadgen"_qs),
                   QStringList{u"--server"_qs, server(), u"--transmission"_qs, transmission, u"--clients"_qs,
                               QString::number(clients), u"--quiet"_qs} + extraArguments);
    QProcess *loadgen = process.get();
    m_receivers.push_back(std::move(process));
    // Thousands of TLS joins take a while on two cores, and far longer in a
    // sanitizer build.
    const bool ready = waitUntil([loadgen] {
        return loadgen->canReadLine() || loadgen->state() == QProcess::NotRunning;
    }, 240000) && loadgen->readLine().startsWith("ready:");
    return ready ? loadgen : nullptr;
}

QString TestBed::receiverOutput(const QString &machine) const
{
    return m_root.filePath(u"out/"_qs + machine + u".img"_qs);
}

QList<QJsonObject> TestBed::clientsOf(const QString &transmission) const
{
    const QJsonObject document = cliJson({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:"_qs + transmission,
                                          u"/Show:Clients"_qs});
    QList<QJsonObject> clients;
    for (const QJsonValue &value : document.value(u"transmission"_qs).toObject().value(u"clients"_qs).toArray())
        clients.append(value.toObject());
    return clients;
}

std::optional<QJsonObject> TestBed::clientNamed(const QString &transmission, const QString &machine) const
{
    for (const QJsonObject &client : clientsOf(transmission))
        if (client.value(u"name"_qs).toString() == machine)
            return client;
    return std::nullopt;
}

QStringList TestBed::leftoverFiles() const
{
    return QDir(outputDir()).entryList(QDir::Files | QDir::Hidden);
}

bool TestBed::waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    // A wait for a condition, not a timing assertion: the timeout only
    // bounds how long a broken build can hang the suite.
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(50);
    }
    return true;
}

int TestBed::finishAndGetExitCode(QProcess *process, int timeoutMs)
{
    // Keep the event loop running while waiting: the test's own sockets (a
    // console's requests, say) must go on working meanwhile.
    if (!waitUntil([process] { return process->state() == QProcess::NotRunning; }, timeoutMs))
        return -1;
    return process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -2;
}
