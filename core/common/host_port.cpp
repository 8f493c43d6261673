// SPDX-License-Identifier: GPL-3.0-or-later
#include "host_port.h"

namespace deploycast {

std::optional<HostPort> parseHostPort(const QString &text, quint16 defaultPort, QString *error)
{
    HostPort address{text, defaultPort};
    QString portText;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0 || (text.size() > close + 1 && text[close + 1] != u':')) {
            *error = QStringLiteral("'%1' is not a server address").arg(text);
            return std::nullopt;
        }
        address.host = text.mid(1, close - 1);
        if (text.size() > close + 1)
            portText = text.mid(close + 2);
    } else if (text.count(u':') == 1) {
        address.host = text.section(u':', 0, 0);
        portText = text.section(u':', 1);
    }
    if (!portText.isNull()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            *error = QStringLiteral("'%1' is not a port number").arg(portText);
            return std::nullopt;
        }
        address.port = quint16(port);
    }
    if (address.host.isEmpty()) {
        *error = QStringLiteral("'%1' names no host").arg(text);
        return std::nullopt;
    }
    return address;
}

} // namespace deploycast
