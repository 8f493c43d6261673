// SPDX-License-Identifier: GPL-3.0-or-later
#include "table_export.h"

#include <QJsonObject>

namespace deploycast {
namespace {

QString cellText(const TableSlice &slice, int row, int column)
{
    return slice.model->index(row, column).data(Qt::DisplayRole).toString();
}

QString headerText(const TableSlice &slice, int column)
{
    return slice.model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
}

// A cell a spreadsheet would run as a formula gets an apostrophe first.
QString defused(QString text)
{
    if (!text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front()))
        text.prepend(u'\'');
    return text;
}

QString csvField(QString text)
{
    text = defused(text);
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')) {
        text.replace(u"\""_qs, u"\"\""_qs);
        return u'"' + text + u'"';
    }
    return text;
}

} // namespace

QString toCsv(const TableSlice &slice)
{
    QStringList lines;
    QStringList header;
    for (int column : slice.columns)
        header.append(csvField(headerText(slice, column)));
    lines.append(header.join(u','));
    for (int row : slice.rows) {
        QStringList fields;
        for (int column : slice.columns)
            fields.append(csvField(cellText(slice, row, column)));
        lines.append(fields.join(u','));
    }
    return lines.join(u"\r\n"_qs) + u"\r\n"_qs;
}

QString toTabSeparated(const TableSlice &slice)
{
    QString text;
    for (int row : slice.rows) {
        QStringList fields;
        for (int column : slice.columns) {
            QString field = defused(cellText(slice, row, column)); // pasted into a spreadsheet, too
            for (QChar &c : field)
                if (c == u'\t' || c == u'\n' || c == u'\r')
                    c = u' ';
            fields.append(field);
        }
        text += fields.join(u'\t') + u'\n';
    }
    return text;
}

QJsonArray toJson(const TableSlice &slice)
{
    QJsonArray rows;
    for (int row : slice.rows) {
        QJsonObject object;
        for (int column : slice.columns)
            object.insert(headerText(slice, column), cellText(slice, row, column));
        rows.append(object);
    }
    return rows;
}

} // namespace deploycast
