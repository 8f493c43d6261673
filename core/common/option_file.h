// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QHash>
#include <QString>

namespace deploycast {

// A program's options from an INI file as well as the command line: the
// keys of one section are the long option names (without "--"), and an
// option given on the command line wins over the file, which wins over the
// option's default. deploycastd reads /etc/deploycast/deploycastd.conf so.
class OptionFile
{
public:
    // Reads `section` of `path`. An unreadable file, a syntax error, or a key
    // that is not one of the options is an error naming the file and key.
    bool load(const QString &path, const QString &section, const QList<QCommandLineOption> &options, QString *error);

    bool isSet(const QCommandLineParser &parser, const QCommandLineOption &option) const;
    QString value(const QCommandLineParser &parser, const QCommandLineOption &option) const;
    // A repeatable option: every value on the command line, or else every
    // line of the file that sets it.
    QStringList values(const QCommandLineParser &parser, const QCommandLineOption &option) const;

private:
    QHash<QString, QStringList> m_values; // option name → its values, in file order
};

} // namespace deploycast
