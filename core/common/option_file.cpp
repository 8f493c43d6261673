#include "option_file.h"

#include <QFileInfo>
#include <QSettings>

namespace deploycast {

bool OptionFile::load(const QString &path, const QString &section, const QList<QCommandLineOption> &options,
                      QString *error)
{
    if (!QFileInfo(path).isReadable()) {
        *error = QStringLiteral("cannot read the configuration file %1").arg(path);
        return false;
    }
    QSettings file(path, QSettings::IniFormat);
    if (file.status() != QSettings::NoError) {
        *error = QStringLiteral("%1 is not a valid INI file").arg(path);
        return false;
    }
    QStringList known;
    for (const QCommandLineOption &option : options)
        known.append(option.names());
    for (const QString &key : file.allKeys()) {
        const QString name = key.section(u'/', 1);
        if (!key.startsWith(section + u'/') || !known.contains(name)) {
            *error = QStringLiteral("%1: unknown setting '%2' (settings go in [%3] and are named as the long "
                                    "options, e.g. listen = 0.0.0.0:7405)").arg(path, key, section);
            return false;
        }
        // A value with commas comes back as a list; an option takes it whole.
        const QVariant value = file.value(key);
        m_values.insert(name, value.typeId() == QMetaType::QStringList ? value.toStringList().join(u',') : value.toString());
    }
    return true;
}

bool OptionFile::isSet(const QCommandLineParser &parser, const QCommandLineOption &option) const
{
    return parser.isSet(option) || m_values.contains(option.names().constLast());
}

QString OptionFile::value(const QCommandLineParser &parser, const QCommandLineOption &option) const
{
    if (parser.isSet(option))
        return parser.value(option);
    const auto found = m_values.constFind(option.names().constLast());
    if (found != m_values.constEnd())
        return *found;
    return option.defaultValues().value(0);
}

} // namespace deploycast
