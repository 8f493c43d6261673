// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client_table_model.h"

#include <QAbstractProxyModel>
#include <QCollator>

#include <vector>

namespace deploycast {

// Sorts the client table on the underlying values (not display text) and
// filters it on ID, name, IP or MAC address.
//
// Written for ClientTableModel instead of using QSortFilterProxyModel, which
// took most of a 10,000-client update tick (docs/benchmarks.md): sort keys
// are read once per changed row without QVariant, a tick whose changes keep
// the order costs one linear check and no re-sort, a re-sort is one
// std::sort and one layoutChanged, and a tick in which most rows changed is
// one dataChanged for the whole table.
class ClientFilterProxy : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit ClientFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override; // a ClientTableModel
    void setFilterText(const QString &text);
    void setStateFilter(StateFilter filter);
    StateFilter stateFilter() const { return m_stateFilter; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;

private:
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void onRowsInserted(int first, int last);
    void onRowsAboutToBeRemoved(int first, int last);
    void onRowsRemoved(int first, int last);
    void rebuild(); // everything from the source, as after a reset
    SortKey keyOf(int sourceRow) const; // for the sort column
    void refreshKey(int sourceRow);     // after a change of the row
    bool accepts(int sourceRow) const;
    void filterRows(); // m_order: the accepted source rows, in source order
    bool before(int sourceA, int sourceB) const; // the proxy order
    // After changes: puts rows back in order, or through the filter, if
    // their keys moved them.
    void settle();
    // Rebuilds the order (which rows, in which order) inside one layout change,
    // carrying persistent indexes (selections) along.
    void relayout(bool refilter);
    void sortRows(); // m_order by before(), fast
    void indexSourceRows(); // m_proxyRowOf from m_order
    std::vector<int> proxyRowsOf(int firstSourceRow, int lastSourceRow) const; // those not filtered out

    ClientTableModel *m_table = nullptr;
    QString m_filter;
    StateFilter m_stateFilter = StateFilter::OnServer;
    QCollator m_collator; // names sort naturally: lab-pc-9 before lab-pc-10
    int m_sortColumn = -1; // -1: source order
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<SortKey> m_keys;  // per source row, for m_sortColumn
    std::vector<int> m_order;     // proxy row → source row
    std::vector<int> m_proxyRowOf; // source row → proxy row, -1 when filtered out
    bool m_batching = false;       // inside one refresh of the source: settle at its end
    bool m_needsSortCheck = false;
    bool m_needsRefilter = false;
};

} // namespace deploycast
