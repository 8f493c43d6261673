// SPDX-License-Identifier: GPL-3.0-or-later
#include "printable.h"

namespace deploycast {
namespace {

bool needsEscape(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) // C0, DEL, C1
           || c == 0x061c || c == 0x200e || c == 0x200f // direction marks
           || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069); // embeddings, overrides, isolates
}

QString escapeOf(char16_t c)
{
    switch (c) {
    case u'\n': return u"\\n"_qs;
    case u'\r': return u"\\r"_qs;
    case u'\t': return u"\\t"_qs;
    default: break;
    }
    return c <= 0xff ? QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'))
                     : QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
}

} // namespace

QString printable(const QString &text)
{
    if (isPrintable(text))
        return text;
    QString escaped;
    escaped.reserve(text.size() + 16);
    for (QChar c : text) {
        if (needsEscape(c.unicode()))
            escaped += escapeOf(c.unicode());
        else
            escaped += c;
    }
    return escaped;
}

bool isPrintable(const QString &text)
{
    return std::none_of(text.cbegin(), text.cend(), [](QChar c) { return needsEscape(c.unicode()); });
}

} // namespace deploycast
