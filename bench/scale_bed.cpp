// SPDX-License-Identifier: GPL-3.0-or-later
#include "scale_bed.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

#include <cstdio>
#include <unistd.h>

namespace {
constexpr qint64 kImageSize = 16 * 1024 * 1024; // small: every transmission hashes it at creation
const QString kImage = QStringLiteral("scale.img");

bool waitForLine(QProcess *process, const QByteArray &prefix, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        while (process->canReadLine())
            if (process->readLine().startsWith(prefix))
                return true;
        if (process->state() == QProcess::NotRunning)
            return false;
        process->waitForReadyRead(100);
    }
    return false;
}

qint64 fieldOf(const QString &path, const QByteArray &name)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (line.startsWith(name))
            return line.mid(name.size()).trimmed().split(' ').first().toLongLong();
    return -1;
}
} // namespace

ScaleBed::ScaleBed(int servers, int transmissionsPerServer)
    : m_transmissions(transmissionsPerServer)
{
    // Ports from a range picked by PID, so two runs on one machine do not collide.
    const quint16 base = quint16(20000 + (getpid() % 400) * 100);
    for (int i = 0; i < servers; ++i)
        m_ports.push_back(quint16(base + i));
}

ScaleBed::~ScaleBed()
{
    stopLoadgen();
    for (auto &server : m_servers) {
        server->terminate();
        if (!server->waitForFinished(10000))
            server->kill();
    }
}

QString ScaleBed::binary(const char *name)
{
    return QCoreApplication::applicationDirPath() + u'/' + QLatin1String(name);
}

bool ScaleBed::start()
{
    QFile image(m_root.filePath(kImage));
    if (!image.open(QIODevice::WriteOnly) || !image.resize(kImageSize))
        return false;
    image.close();
    QStringList stateDirs;
    for (std::size_t i = 0; i < m_ports.size(); ++i)
        stateDirs << m_root.filePath(QStringLiteral("state-%1").arg(i));
    // The CLI and the in-process console find each local server's token and
    // certificate here, as on a machine that runs them.
    qputenv("DEPLOYCAST_STATE_DIR", stateDirs.join(u':').toLocal8Bit());
    qputenv("DEPLOYCAST_KNOWN_HOSTS", m_root.filePath(u"known_hosts"_qs).toLocal8Bit());
    for (std::size_t i = 0; i < m_ports.size(); ++i) {
        auto server = std::make_unique<QProcess>();
        server->setProcessChannelMode(QProcess::MergedChannels);
        server->setStandardOutputFile(m_root.filePath(QStringLiteral("server-%1.log").arg(i)));
        server->start(binary("deploycastd"), {u"--state-dir"_qs, stateDirs[qsizetype(i)], u"--image-store"_qs,
                                              m_root.path(), u"--listen"_qs,
                                              QStringLiteral("127.0.0.1:%1").arg(m_ports[i])});
        if (!server->waitForStarted())
            return false;
        m_servers.push_back(std::move(server));
    }
    for (int i = 0; i < int(m_ports.size()); ++i)
        if (!createTransmissions(i))
            return false;
    return true;
}

bool ScaleBed::createTransmissions(int server)
{
    for (int t = 1; t <= m_transmissions; ++t) {
        QDeadlineTimer deadline(30000);
        for (;;) { // the server may still be starting
            QProcess cli;
            cli.start(binary("deploycast"),
                      {u"/New-MulticastTransmission"_qs, u"/Image:"_qs + kImage,
                       QStringLiteral("/FriendlyName:Rack%1").arg(t), u"/TransmissionType:ScheduledCast"_qs,
                       u"/Clients:1000000"_qs, u"/Server:"_qs + serverAddresses().at(server)});
            cli.waitForFinished(30000);
            if (cli.exitCode() == 0)
                break;
            if (cli.exitCode() != 3 || deadline.hasExpired()) {
                std::fprintf(stderr, "cannot create a transmission: %s\n", cli.readAllStandardError().constData());
                return false;
            }
            QThread::msleep(100);
        }
    }
    return true;
}

bool ScaleBed::startLoadgen(int clients, const QStringList &extraArguments, int servers)
{
    stopLoadgen();
    QStringList arguments{u"--clients"_qs, QString::number(clients), u"--quiet"_qs};
    for (const QString &server : serverAddresses().mid(0, servers))
        arguments << u"--server"_qs << server;
    for (int t = 1; t <= m_transmissions; ++t)
        arguments << u"--transmission"_qs << QStringLiteral("Rack%1").arg(t);
    m_loadgen = std::make_unique<QProcess>();
    m_loadgen->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_loadgen->start(binary("deploycast-loadgen"), arguments + extraArguments);
    return waitForLine(m_loadgen.get(), "ready:", 300000);
}

void ScaleBed::stopLoadgen()
{
    if (!m_loadgen)
        return;
    m_loadgen->terminate();
    if (!m_loadgen->waitForFinished(30000))
        m_loadgen->kill();
    m_loadgen.reset();
}

QStringList ScaleBed::serverAddresses() const
{
    QStringList addresses;
    for (quint16 port : m_ports)
        addresses << QStringLiteral("127.0.0.1:%1").arg(port);
    return addresses;
}

qint64 ScaleBed::serverPid(int server) const
{
    return m_servers.at(std::size_t(server))->processId();
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

qint64 residentBytesOf(qint64 pid)
{
    return fieldOf(QStringLiteral("/proc/%1/status").arg(pid), "VmRSS:") * 1024;
}

double cpuSecondsOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    // Fields 14 and 15 (utime, stime), counted after the ")" that ends the command name.
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

qint64 bytesWrittenBy(qint64 pid)
{
    return fieldOf(QStringLiteral("/proc/%1/io").arg(pid), "wchar:");
}
