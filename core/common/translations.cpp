// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace deploycast {
namespace {

bool install(const QString &file, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(file, directory)) {
        QCoreApplication::installTranslator(translator);
        return true;
    }
    delete translator;
    return false;
}

} // namespace

QString installTranslations(const QString &language)
{
    const QString wanted = (language.isEmpty() ? QLocale::system().name() : language).section(u'_', 0, 0).toLower();
    install(QStringLiteral("deploycast_en"), QStringLiteral(":/i18n"));
    if (wanted == u"en"_qs || !install(u"deploycast_"_qs + wanted, QStringLiteral(":/i18n")))
        return u"en"_qs;
    install(u"qtbase_"_qs + wanted, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    QLocale::setDefault(QLocale(wanted));
    return wanted;
}

} // namespace deploycast
