// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostile_client.h"

#include <QSslSocket>
#include <QTimer>

#include <memory>

HostileClient::HostileClient(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_random(options.seed)
{
}

void HostileClient::start()
{
    m_clock.start();
    for (int i = 0; i < m_options.concurrency; ++i)
        launch();
}

void HostileClient::launch()
{
    if (m_clock.elapsed() >= qint64(m_options.seconds) * 1000) {
        if (m_running == 0)
            Q_EMIT finished();
        return;
    }
    const Abuse abuse = pickAbuse(m_random, m_options.context);
    ++m_running;
    ++m_connections;
    m_messages += abuse.messages;
    ++m_byKind[abuse.name];
    auto *socket = abuse.tls ? new QSslSocket(this) : new QTcpSocket(this);
    auto *tls = qobject_cast<QSslSocket *>(socket);
    if (tls)
        tls->setPeerVerifyMode(QSslSocket::VerifyNone);
    if (abuse.neverRead)
        socket->setReadBufferSize(1);
    else
        connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
    // The bytes go out in pieces spread over the connection's life.
    auto send = [socket, abuse] {
        const qsizetype piece = (abuse.bytes.size() + abuse.pieces - 1) / std::max(1, abuse.pieces);
        for (int i = 0; i < abuse.pieces; ++i)
            QTimer::singleShot(abuse.lingerMs * i / std::max(1, abuse.pieces), socket, [socket, abuse, piece, i] {
                if (socket->state() == QAbstractSocket::ConnectedState)
                    socket->write(abuse.bytes.mid(qsizetype(i) * piece, piece));
            });
    };
    if (tls)
        connect(tls, &QSslSocket::encrypted, socket, send);
    else
        connect(socket, &QTcpSocket::connected, socket, send);
    auto ended = std::make_shared<bool>(false); // by the peer's close or by the timer, once
    auto end = [this, socket, ended] {
        if (std::exchange(*ended, true))
            return;
        socket->abort();
        socket->deleteLater();
        connectionEnded();
    };
    connect(socket, &QTcpSocket::disconnected, this, end);
    QTimer::singleShot(abuse.lingerMs + 200, socket, end);
    if (tls)
        tls->connectToHostEncrypted(m_options.host, m_options.port);
    else
        socket->connectToHost(m_options.host, m_options.port);
}

void HostileClient::connectionEnded()
{
    --m_running;
    QTimer::singleShot(0, this, &HostileClient::launch);
}

QString HostileClient::summary() const
{
    QString text = QStringLiteral("%1 connections, %2 messages\n").arg(m_connections).arg(m_messages);
    for (auto it = m_byKind.cbegin(); it != m_byKind.cend(); ++it)
        text += QStringLiteral("  %1  %2\n").arg(it.value(), 6).arg(it.key());
    return text;
}
