// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>
#include <QString>

namespace deploycast {

// A value in a property sheet or a detail panel: read-only but selectable
// (admins copy addresses and hashes), and plain text, since names and
// reasons come from machines and servers.
inline QLabel *valueLabel(const QString &text = {}, bool wrap = true)
{
    auto *label = new QLabel(text);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(wrap);
    return label;
}

} // namespace deploycast
