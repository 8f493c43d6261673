// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <type_traits>

namespace deploycast {

// A message the server sends, in English, with what the CLI and the console
// need to show it in the admin's language: its template, marked for
// translation in the context "ServerMessage", and its arguments. Built like
// a QString:
//
//     ServerText(QT_TRANSLATE_NOOP("ServerMessage", "no image named '%1'")).arg(name)
//
// A plain QString makes one with no template (shown as it is everywhere).
class ServerText
{
public:
    ServerText() = default;
    explicit ServerText(const char *text);
    ServerText(const QString &plain); // NOLINT: a plain message, untranslated

    // Each argument fills the lowest-numbered marker left, as QString::arg does.
    ServerText arg(const QString &value) const;
    // QString::arg(a, b, …): each fills the next marker.
    template <typename... More>
    ServerText arg(const QString &first, const QString &second, const More &...more) const
    {
        return arg(first).arg(second, more...);
    }
    ServerText arg(qint64 value) const;
    ServerText arg(double value, int fieldWidth, char format, int precision) const;
    template <typename Integer, typename = std::enable_if_t<std::is_integral_v<Integer>>>
    ServerText arg(Integer value) const { return arg(qint64(value)); }

    QString english() const;                       // the template filled in
    QString text() const { return m_text; }        // the template, empty for a plain message
    QStringList arguments() const { return m_arguments; }
    operator QString() const { return english(); } // NOLINT: where only the English is wanted

private:
    QString m_text;
    QString m_plain;
    QStringList m_arguments;
};

// Fills %1..%99 in one pass, so an argument that holds "%2" stays as it is.
QString fillMarkers(const QString &text, const QStringList &arguments);

} // namespace deploycast
