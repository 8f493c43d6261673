// SPDX-License-Identifier: GPL-3.0-or-later
#include "table_saving.h"

#include <QDir>
#include <QFileDialog>
#include <QJsonDocument>
#include <QMessageBox>
#include <QSaveFile>

namespace deploycast {

bool saveTable(const QString &path, const TableSlice &slice, const QJsonArray &json, QString *error)
{
    const QByteArray content = path.endsWith(u".json"_qs, Qt::CaseInsensitive)
        ? QJsonDocument(json).toJson(QJsonDocument::Indented)
        : toCsv(slice).toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void saveTableInteractively(QWidget *parent, const QString &title, const QString &suggestedName, const TableSlice &slice,
                            const QJsonArray &json)
{
    const QString csvFilter = QObject::tr("CSV (*.csv)");
    const QString jsonFilter = QObject::tr("JSON (*.json)");
    QString filter;
    QString path = QFileDialog::getSaveFileName(parent, title, QDir::home().filePath(suggestedName),
                                                csvFilter + u";;"_qs + jsonFilter, &filter);
    if (path.isEmpty())
        return;
    // The form follows the name; a name without the chosen form's ending gets it.
    const QString ending = filter == jsonFilter ? u".json"_qs : u".csv"_qs;
    if (!path.endsWith(u".json"_qs, Qt::CaseInsensitive) && !path.endsWith(u".csv"_qs, Qt::CaseInsensitive))
        path += ending;
    QString error;
    if (!saveTable(path, slice, json, &error))
        QMessageBox::warning(parent, title, QObject::tr("Cannot save %1: %2").arg(path, error));
}

} // namespace deploycast
