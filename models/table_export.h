// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace deploycast {

// A table as shown (which rows, which columns in which order) in the forms
// admins paste or load elsewhere. Cells are each column's display text.
struct TableSlice {
    const QAbstractItemModel *model = nullptr;
    QList<int> rows;    // model rows, in order
    QList<int> columns; // model columns, in the order shown
};

// RFC 4180 CSV with a header line. A cell that a spreadsheet would run as a
// formula (it starts with =, +, -, @, a tab or a carriage return) is
// prefixed with an apostrophe: machine names come from the machines.
QString toCsv(const TableSlice &slice);
// Tab-separated, one line per row, no header (what Ctrl+C copies); tabs
// and line breaks inside a cell become spaces, and formulas are defused as
// in CSV (pasting into a spreadsheet runs them too).
QString toTabSeparated(const TableSlice &slice);
// One object per row, keyed by the column headers.
QJsonArray toJson(const TableSlice &slice);

} // namespace deploycast
