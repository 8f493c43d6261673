// SPDX-License-Identifier: GPL-3.0-or-later
#include "activity_dock.h"

#include "activity_model.h"
#include "table_saving.h"

#include <QHeaderView>
#include <QJsonObject>
#include <QLocale>
#include <QScrollBar>
#include <QTableView>

namespace deploycast {

ActivityDock::ActivityDock(ActivityModel *model, QWidget *parent)
    : QDockWidget(tr("Activity"), parent)
    , m_model(model)
{
    setObjectName(u"activityDock"_qs);
    m_view = new QTableView;
    m_view->setObjectName(u"activityView"_qs);
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics metrics = m_view->fontMetrics();
    const QDateTime sampleTime(QDate(2026, 12, 31), QTime(23, 59, 59));
    const int widths[] = {metrics.horizontalAdvance(QLocale().toString(sampleTime, QLocale::ShortFormat)), metrics.horizontalAdvance(u"deploy-server:7405"_qs),
                          metrics.horizontalAdvance(u"completed by multicast"_qs),
                          metrics.horizontalAdvance(u"client 00000 lab-pc-000 (255.255.255.255) in 'Transmission'"_qs)};
    for (int column = 0; column < int(std::size(widths)); ++column)
        m_view->setColumnWidth(column, widths[column] + 16);
    setWidget(m_view);
    // Follow new entries while the admin is at the bottom, not while reading above.
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *bar = m_view->verticalScrollBar();
        setProperty("follow", bar->value() >= bar->maximum());
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (property("follow").toBool())
            m_view->scrollToBottom();
    });
}

void ActivityDock::exportHistory()
{
    TableSlice slice{m_model, {}, {}};
    QJsonArray json;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        slice.rows.append(row);
        QJsonObject entry = m_model->rowAt(row).entry.toCbor().toJsonObject();
        entry.insert(u"server"_qs, m_model->rowAt(row).server);
        json.append(entry);
    }
    for (int column = 0; column < ActivityModel::ColumnCount; ++column)
        slice.columns.append(column);
    saveTableInteractively(this, tr("Export History"), u"deploycast-history.csv"_qs, slice, json);
}

} // namespace deploycast
