// SPDX-License-Identifier: GPL-3.0-or-later
#include "server_text.h"

#include "error.h"

#include <QCoreApplication>

namespace deploycast {

ServerText::ServerText(const char *text)
    : m_text(QString::fromUtf8(text))
{
}

ServerText::ServerText(const QString &plain)
    : m_plain(plain)
{
}

ServerText ServerText::arg(const QString &value) const
{
    ServerText filled = *this;
    filled.m_arguments.append(value);
    return filled;
}

ServerText ServerText::arg(qint64 value) const
{
    return arg(QString::number(value));
}

ServerText ServerText::arg(double value, int fieldWidth, char format, int precision) const
{
    return arg(QStringLiteral("%1").arg(value, fieldWidth, format, precision));
}

QString ServerText::english() const
{
    return m_text.isEmpty() ? m_plain : fillMarkers(m_text, m_arguments);
}

QString fillMarkers(const QString &text, const QStringList &arguments)
{
    QString filled;
    filled.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'%' && i + 1 < text.size() && text[i + 1].isDigit() && text[i + 1] != u'0') {
            qsizetype end = i + 2;
            if (end < text.size() && text[end].isDigit())
                ++end;
            const int marker = text.mid(i + 1, end - i - 1).toInt();
            if (marker <= arguments.size()) {
                filled += arguments[marker - 1];
                i = end - 1;
                continue;
            }
        }
        filled += text[i];
    }
    return filled;
}

QString localizedMessage(const Error &error)
{
    if (error.text.isEmpty())
        return error.message;
    return fillMarkers(QCoreApplication::translate("ServerMessage", error.text.toUtf8().constData()), error.args);
}

} // namespace deploycast
