// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "table_export.h"

#include <QJsonArray>
#include <QString>

class QWidget;

namespace deploycast {

// Asks where to save a table and writes it, as CSV or JSON by the name the
// admin picks (QSaveFile: whole or not at all). `json` is what the JSON
// form holds. A failure is shown in a message box.
void saveTableInteractively(QWidget *parent, const QString &title, const QString &suggestedName, const TableSlice &slice,
                            const QJsonArray &json);
// Writes `slice` to `path`: JSON if its name ends in .json, else CSV.
bool saveTable(const QString &path, const TableSlice &slice, const QJsonArray &json, QString *error);

} // namespace deploycast
