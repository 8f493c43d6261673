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
    QString filter;
    const QString path = QFileDialog::getSaveFileName(parent, title, QDir::home().filePath(suggestedName),
                                                      QObject::tr("CSV (*.csv);;JSON (*.json)"), &filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTable(path, slice, json, &error))
        QMessageBox::warning(parent, title, QObject::tr("Cannot save %1: %2").arg(path, error));
}

} // namespace deploycast
