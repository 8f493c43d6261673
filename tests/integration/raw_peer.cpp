// SPDX-License-Identifier: GPL-3.0-or-later
#include "raw_peer.h"

#include "protocol/messages.h"
#include "test_bed.h"

#include <cerrno>
#include <sys/socket.h>

using namespace deploycast;

bool closedByServer(const QAbstractSocket *socket)
{
    if (socket->state() == QAbstractSocket::UnconnectedState)
        return true;
    if (socket->state() != QAbstractSocket::ConnectedState)
        return false; // still connecting
    char byte;
    const ssize_t peeked = ::recv(int(socket->socketDescriptor()), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return peeked == 0 || (peeked < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
}

RawPeer::RawPeer(quint16 port, const QHostAddress &source)
    : m_socket(std::make_unique<QSslSocket>())
{
    m_socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    connect(m_socket.get(), &QSslSocket::readyRead, this, &RawPeer::onReadyRead);
    if (!source.isNull())
        m_socket->bind(source);
    m_socket->connectToHostEncrypted(u"127.0.0.1"_qs, port);
}

RawPeer::~RawPeer()
{
    m_socket->disconnect(this);
    m_socket->abort();
}

bool RawPeer::waitEncrypted(int timeoutMs)
{
    return TestBed::waitUntil([this] { return m_socket->isEncrypted() || closedByServer(); }, timeoutMs)
           && m_socket->isEncrypted();
}

void RawPeer::send(const QCborMap &message)
{
    m_socket->write(encodeFrame(message));
}

void RawPeer::sendRaw(const QByteArray &bytes)
{
    m_socket->write(bytes);
}

void RawPeer::hello(const QString &role, const QString &token)
{
    send(proto::hello(role, u"raw-peer"_qs, token));
}

std::optional<QCborMap> RawPeer::join(const QString &transmission, const QString &machine, bool fallback)
{
    hello(u"receiver"_qs);
    send(proto::request(1, u"join"_qs, {{u"kind"_qs, u"Transmission"_qs},
                                        {u"name"_qs, transmission},
                                        {u"machine"_qs, machine},
                                        {u"mac"_qs, u"02:00:00:00:00:01"_qs},
                                        {u"fallback"_qs, fallback}}));
    const auto reply = waitForFrame([](const QCborMap &frame) { return proto::typeOf(frame) == u"reply"_qs; });
    if (!reply || reply->contains(u"error"_qs))
        return std::nullopt;
    return reply->value(u"result"_qs).toMap();
}

void RawPeer::stopReading()
{
    m_reading = false;
    // Qt then stops taking bytes from the kernel once this much is buffered.
    m_socket->setReadBufferSize(1);
}

std::optional<QCborMap> RawPeer::waitForFrame(const std::function<bool(const QCborMap &)> &matches, int timeoutMs)
{
    std::optional<QCborMap> found;
    TestBed::waitUntil([&] {
        for (const QCborMap &frame : std::as_const(m_frames))
            if (matches(frame)) {
                found = frame;
                return true;
            }
        return closedByServer() && m_socket->bytesAvailable() == 0;
    }, timeoutMs);
    if (!found) // the last frames may have come with the close
        for (const QCborMap &frame : std::as_const(m_frames))
            if (matches(frame))
                found = frame;
    return found;
}

QString RawPeer::localText() const
{
    return QStringLiteral("%1:%2").arg(m_socket->localAddress().toString()).arg(m_socket->localPort());
}

void RawPeer::onReadyRead()
{
    if (!m_reading)
        return;
    m_decoder.append(m_socket->readAll());
    while (std::optional<QCborMap> frame = m_decoder.next())
        m_frames.append(*frame);
}
