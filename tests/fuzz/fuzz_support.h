// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/frame_codec.h"

#include <QCborMap>
#include <QCoreApplication>

#include <cstddef>
#include <cstdint>
#include <functional>

// Shared by the message fuzzers: a QCoreApplication (the decoders use Qt's
// event-free parts, but QObject-based ones want an application), and the
// input turned into messages the way a connection does it: frames first,
// then the CBOR map inside each.
namespace fuzz {

inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = new QCoreApplication(argc, argv);
    (void)app;
}

inline void forEachMessage(const std::uint8_t *data, std::size_t size, const std::function<void(const QCborMap &)> &visit)
{
    deploycast::FrameDecoder decoder(256 * 1024);
    decoder.append(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    while (std::optional<QCborMap> message = decoder.next())
        visit(*message);
}

} // namespace fuzz
