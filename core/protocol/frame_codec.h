// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QString>

#include <optional>

namespace deploycast {

// Frames on every Deploycast TCP connection: a 4-byte big-endian length, then
// exactly one CBOR map of that many bytes (docs/protocol.md, "Framing").
inline constexpr qsizetype kFrameHeaderSize = 4;
inline constexpr qsizetype kDefaultMaxFrameSize = 1024 * 1024;
// Before its hello a peer may send no more than this in a frame: a hello
// (version, role, software, token) takes about 150 bytes.
inline constexpr qsizetype kMaxFrameBeforeHello = 16 * 1024;
// What a receiver may send: its largest message, a NAK or fetch of 4,096
// ranges, is under 50 KB.
inline constexpr qsizetype kMaxFrameFromReceiver = 64 * 1024;
// What consoles and the CLI accept from the server they chose and pinned:
// a snapshot of 10,000 clients is about 2.5 MB, of 100,000 about 25 MB.
inline constexpr qsizetype kMaxFrameFromServer = 64 * 1024 * 1024;

QByteArray encodeFrame(const QCborMap &message);

// Incremental decoder: feed it whatever the socket delivered and pull out
// whole messages. Once it reports an error it stays failed; the caller must
// drop the connection, because the byte stream can no longer be trusted.
class FrameDecoder
{
public:
    explicit FrameDecoder(qsizetype maxFrameSize = kDefaultMaxFrameSize);

    void append(const QByteArray &bytes);
    // A connection starts small (a hello is tiny) and grows once the peer
    // has said who it is.
    void setMaxFrameSize(qsizetype maxFrameSize) { m_maxFrameSize = maxFrameSize; }

    // The next complete message, or nothing if more bytes are needed or the
    // stream failed (check hasError()).
    std::optional<QCborMap> next();

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_readPos; }

private:
    void fail(const QString &reason);
    void compact();

    qsizetype m_maxFrameSize;
    QByteArray m_buffer;
    qsizetype m_readPos = 0;
    QString m_error;
};

// Decodes one frame body (without the length prefix). Used by the decoder and
// by anything that stores recorded frames.
std::optional<QCborMap> decodeFrameBody(const QByteArray &body, QString *error);

} // namespace deploycast
