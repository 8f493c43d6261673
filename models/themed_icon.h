// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace deploycast {

// The desktop theme's icon by its freedesktop name, or the one Deploycast
// bundles (resources/icons) when the theme has none.
inline QIcon themedIcon(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(QStringLiteral(":/icons/%1.svg").arg(name)));
}

} // namespace deploycast
