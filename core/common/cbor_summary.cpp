// SPDX-License-Identifier: GPL-3.0-or-later
#include "cbor_summary.h"

#include <QCborArray>
#include <QCborMap>

namespace deploycast {
namespace {

class Summary
{
public:
    explicit Summary(int maxChars)
        : m_max(maxChars)
    {
    }
    bool full() const { return m_text.size() >= m_max; }
    QString text() const { return full() ? m_text.left(m_max) + u"…"_qs : m_text; }

    void add(const QCborValue &value)
    {
        if (full())
            return;
        if (value.isMap())
            addContainer(value.toMap(), u'{', u'}', [this](auto it) {
                add(it.key());
                m_text += u':';
                add(it.value());
            });
        else if (value.isArray())
            addContainer(value.toArray(), u'[', u']', [this](auto it) { add(*it); });
        else if (value.isString())
            addString(value.toString());
        else if (value.isBool())
            m_text += value.toBool() ? u"true"_qs : u"false"_qs;
        else if (value.isInteger())
            m_text += QString::number(value.toInteger());
        else if (value.isDouble())
            m_text += QString::number(value.toDouble());
        else if (value.isByteArray())
            m_text += QStringLiteral("<%1 bytes>").arg(value.toByteArray().size());
        else
            m_text += u"null"_qs;
    }

private:
    // Items one after the other until the summary is full.
    template<typename Container, typename AddItem>
    void addContainer(const Container &items, QChar open, QChar close, AddItem addItem)
    {
        m_text += open;
        bool first = true;
        for (auto it = items.cbegin(); it != items.cend() && !full(); ++it, first = false) {
            if (!first)
                m_text += u',';
            addItem(it);
        }
        m_text += close;
    }
    void addString(const QString &text)
    {
        m_text += u'"';
        for (QChar c : text.left(m_max)) {
            if (c == u'"' || c == u'\\')
                m_text += u'\\';
            if (c.unicode() < 0x20)
                m_text += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                m_text += c;
        }
        m_text += u'"';
    }

    int m_max;
    QString m_text;
};

} // namespace

QString summarize(const QCborValue &value, int maxChars)
{
    Summary summary(maxChars);
    summary.add(value);
    return summary.text();
}

} // namespace deploycast
