// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "abuse_catalog.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QRandomGenerator>

// Runs abuses (abuse_catalog.h) against one server for a while, a number of
// connections at a time, each a fresh connection, and counts what it did.
class HostileClient : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 7405;
        int seconds = 30;
        int concurrency = 16;
        quint32 seed = 1;
        AbuseContext context;
    };
    explicit HostileClient(const Options &options, QObject *parent = nullptr);

    void start();
    // "N connections, M messages", then a line per kind of abuse.
    QString summary() const;

Q_SIGNALS:
    void finished();

private:
    void launch();
    void connectionEnded();

    Options m_options;
    QRandomGenerator m_random;
    QElapsedTimer m_clock;
    int m_running = 0;
    qint64 m_connections = 0;
    qint64 m_messages = 0;
    QMap<QString, int> m_byKind;
};
