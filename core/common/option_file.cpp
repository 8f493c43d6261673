// SPDX-License-Identifier: GPL-3.0-or-later
#include "option_file.h"

#include <QFile>

namespace deploycast {

bool OptionFile::load(const QString &path, const QString &section, const QList<QCommandLineOption> &options,
                      QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read the configuration file %1: %2").arg(path, file.errorString());
        return false;
    }
    QStringList known;
    for (const QCommandLineOption &option : options)
        known.append(option.names());
    // INI as admins write it: [section], key = value, and comments starting
    // with # or ; (QSettings takes # for a key, so it is not used here).
    QString current;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const QString where = QStringLiteral("%1, line %2").arg(path).arg(lineNumber);
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            current = line.mid(1, line.size() - 2).trimmed();
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0) {
            *error = QStringLiteral("%1: expected \"name = value\" or [section], not '%2'").arg(where, line);
            return false;
        }
        const QString name = line.left(equals).trimmed();
        if (current != section || !known.contains(name)) {
            *error = QStringLiteral("%1: unknown setting '%2' (settings go in [%3] and are named as the long "
                                    "options, e.g. listen = 0.0.0.0:7405)").arg(where, name, section);
            return false;
        }
        m_values[name].append(line.mid(equals + 1).trimmed());
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
        return found->constLast();
    return option.defaultValues().value(0);
}

QStringList OptionFile::values(const QCommandLineParser &parser, const QCommandLineOption &option) const
{
    if (parser.isSet(option))
        return parser.values(option);
    return m_values.value(option.names().constLast());
}

} // namespace deploycast
