// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <vector>

// A private deploycastd on a free loopback port with its own image store and
// state folder, plus helpers to run the real command line and receivers
// against it. Everything it starts is stopped when it goes.
class TestBed
{
public:
    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };

    TestBed();
    ~TestBed();

    QString root() const { return m_root.path(); }
    QString outputDir() const;
    quint16 port() const { return m_port; }
    QString server() const; // "127.0.0.1:port"
    QString stateDir() const;
    // The token the server wrote at first start: role "admin" or "viewer".
    QString token(const QString &role) const;

    // A file of deterministic pseudo-random bytes in the image store.
    QString makeImage(const QString &relativePath, qint64 size, quint32 seed = 1);
    static QByteArray sha256Of(const QString &path);
    // A file of random bytes in the bed's own folder, which is the working
    // directory of the deploycast it runs: for /Add-Image /ImageFile:<name>.
    QString makeLocalFile(const QString &name, qint64 size, quint32 seed = 1);

    // The first start picks a free port; later starts (restarts) reuse it.
    bool startServer(const QStringList &extraArguments = {});
    // Starts it and returns at once, whether it comes up or not (a test of a
    // server that must refuse to start waits for it to exit).
    QProcess *launchServer(const QStringList &extraArguments = {});
    qint64 serverPid() const;
    // The umask the server starts with (a careless admin's, say).
    void setServerUmask(int mask) { m_serverUmask = mask; }
    void stopServer(); // SIGTERM, then wait
    void killServer(); // SIGKILL: no chance to save or say goodbye
    QString serverOutput(); // everything the server has logged so far

    // Runs deploycast with /Server: added.
    Result cli(const QStringList &arguments,
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment()) const;
    // A WDSUTIL line as Microsoft's pages print it ("WDSUTIL /Verb ...", with
    // double quotes around values with spaces), run as deploycast with its
    // /Server: pointed at this bed's server (added if the line has none).
    Result wdsutil(const QString &line) const;
    // /New-MulticastTransmission of an image in the store, AutoCast unless
    // the extra switches say otherwise; returns once it takes clients (its
    // image hashed).
    Result newTransmission(const QString &name, const QString &image, const QStringList &extra = {}) const;
    // Runs a read command with /Format:Json and parses the output.
    QJsonObject cliJson(const QStringList &arguments) const;

    QProcess *startReceiver(const QString &machine, const QString &transmission, const QStringList &extraArguments = {},
                            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    QString receiverOutput(const QString &machine) const;
    // deploycast-loadgen with `clients` simulated receivers on `transmission`;
    // returns once it printed that all have joined (null if they did not).
    QProcess *startLoadgen(const QString &transmission, int clients, const QStringList &extraArguments = {});

    // The multicast clients of one transmission, from the real CLI.
    QList<QJsonObject> clientsOf(const QString &transmission) const;
    std::optional<QJsonObject> clientNamed(const QString &transmission, const QString &machine) const;

    // Files under the output folder other than finished outputs (e.g. ".x.part").
    QStringList leftoverFiles() const;

    // The programs under test: the build's own, or those in
    // $DEPLOYCAST_TEST_BIN_DIR (to run the tests against another build).
    static QString program(const QString &name);

    static bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 30000);
    static int finishAndGetExitCode(QProcess *process, int timeoutMs = 60000);

private:
    Result runDeploycast(const QStringList &arguments, const QProcessEnvironment &environment) const;
    static QString writeRandomFile(const QString &path, qint64 size, quint32 seed);
    QTemporaryDir m_root;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_server;
    int m_serverUmask = -1; // -1: this process's
    QString m_serverOutput;
    std::vector<std::unique_ptr<QProcess>> m_receivers;
};
