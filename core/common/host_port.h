// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace deploycast {

struct HostPort {
    QString host;
    quint16 port = 0;
};

// "host", "host:port", "1.2.3.4:port" or "[v6]:port"; the port defaults to
// defaultPort.
std::optional<HostPort> parseHostPort(const QString &text, quint16 defaultPort, QString *error);

} // namespace deploycast
