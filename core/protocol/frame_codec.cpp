// SPDX-License-Identifier: GPL-3.0-or-later
#include "frame_codec.h"

#include <QCborStreamReader>
#include <QCborValue>
#include <QtEndian>

namespace deploycast {

QByteArray encodeFrame(const QCborMap &message)
{
    const QByteArray body = message.toCborValue().toCbor();
    QByteArray frame(kFrameHeaderSize, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(body.size()), frame.data());
    frame.append(body);
    return frame;
}

std::optional<QCborMap> decodeFrameBody(const QByteArray &body, QString *error)
{
    QCborStreamReader reader(body);
    const QCborValue value = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError) {
        *error = QStringLiteral("malformed CBOR: %1").arg(reader.lastError().toString());
        return std::nullopt;
    }
    if (reader.currentOffset() != body.size()) {
        *error = QStringLiteral("trailing bytes after the CBOR message");
        return std::nullopt;
    }
    if (!value.isMap()) {
        *error = QStringLiteral("a frame must hold a CBOR map");
        return std::nullopt;
    }
    return value.toMap();
}

FrameDecoder::FrameDecoder(qsizetype maxFrameSize)
    : m_maxFrameSize(maxFrameSize)
{
}

void FrameDecoder::append(const QByteArray &bytes)
{
    if (!hasError())
        m_buffer.append(bytes);
}

std::optional<QCborMap> FrameDecoder::next()
{
    if (hasError() || bufferedBytes() < kFrameHeaderSize)
        return std::nullopt;

    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + m_readPos);
    // Check the declared length before waiting for (and buffering) the body,
    // so a hostile peer cannot make us hold more than the cap.
    if (length == 0) {
        fail(QStringLiteral("empty frame"));
        return std::nullopt;
    }
    if (qsizetype(length) > m_maxFrameSize) {
        fail(QStringLiteral("frame of %1 bytes exceeds the %2-byte limit").arg(length).arg(m_maxFrameSize));
        return std::nullopt;
    }
    if (bufferedBytes() < kFrameHeaderSize + qsizetype(length))
        return std::nullopt;

    const QByteArray body = m_buffer.mid(m_readPos + kFrameHeaderSize, length);
    m_readPos += kFrameHeaderSize + length;
    compact();

    QString error;
    std::optional<QCborMap> message = decodeFrameBody(body, &error);
    if (!message)
        fail(error);
    return message;
}

void FrameDecoder::fail(const QString &reason)
{
    m_error = reason;
    m_buffer.clear();
    m_readPos = 0;
}

void FrameDecoder::compact()
{
    // Drop consumed bytes only now and then, so a burst of small frames does
    // not shift the buffer once per frame.
    if (m_readPos == m_buffer.size()) {
        m_buffer.clear();
        m_readPos = 0;
    } else if (m_readPos > 64 * 1024) {
        m_buffer.remove(0, m_readPos);
        m_readPos = 0;
    }
}

} // namespace deploycast
