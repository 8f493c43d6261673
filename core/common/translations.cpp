#include "translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace deploycast {

void installTranslations()
{
    auto *english = new QTranslator(QCoreApplication::instance());
    if (english->load(QStringLiteral(":/i18n/deploycast_en.qm")))
        QCoreApplication::installTranslator(english);
}

} // namespace deploycast
