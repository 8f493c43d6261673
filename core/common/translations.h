// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace deploycast {

// Installs the embedded translations for `language` ("fr", "en"), or for the
// system locale when it is empty; an unknown language falls back to English.
// English is always installed under the others: it supplies the plural forms
// ("1 client", "2 clients") that tr("%n client(s)") leaves to a translator.
// Qt's own strings (dialog buttons) come from Qt's translations, as installed
// by Debian's qt6-translations-l10n. Returns the language in use.
QString installTranslations(const QString &language = {});

} // namespace deploycast
