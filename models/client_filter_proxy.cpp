// SPDX-License-Identifier: GPL-3.0-or-later
#include "client_filter_proxy.h"

#include "row_runs.h"

#include <algorithm>

namespace deploycast {
namespace {
// More separate places than this for new rows: one insertion and a re-sort.
constexpr std::size_t kMaxInsertionRuns = 32;
} // namespace

ClientFilterProxy::ClientFilterProxy(QObject *parent)
    : QAbstractProxyModel(parent)
    // The C locale's collator compares code points and ignores numeric mode:
    // English rules then, so names still sort naturally.
    , m_collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale())
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

void ClientFilterProxy::setSourceModel(QAbstractItemModel *sourceModel)
{
    beginResetModel();
    if (m_table)
        disconnect(m_table, nullptr, this, nullptr);
    QAbstractProxyModel::setSourceModel(sourceModel);
    m_table = qobject_cast<ClientTableModel *>(sourceModel);
    if (m_table) {
        connect(m_table, &QAbstractItemModel::dataChanged, this, &ClientFilterProxy::onDataChanged);
        connect(m_table, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
        connect(m_table, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                [this](const QModelIndex &, int first, int last) { onRowsAboutToBeRemoved(first, last); });
        connect(m_table, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex &, int first, int last) { onRowsRemoved(first, last); });
        connect(m_table, &QAbstractItemModel::modelAboutToBeReset, this, &ClientFilterProxy::beginResetModel);
        connect(m_table, &QAbstractItemModel::modelReset, this, [this] {
            rebuild();
            endResetModel();
        });
        connect(m_table, &ClientTableModel::aboutToApplyChanges, this, [this] { m_batching = true; });
        connect(m_table, &ClientTableModel::changesApplied, this, [this] {
            m_batching = false;
            settle();
        });
    }
    rebuild();
    endResetModel();
}

void ClientFilterProxy::setFilterText(const QString &text)
{
    if (text.trimmed() == m_filter)
        return;
    m_filter = text.trimmed();
    relayout(true);
}

void ClientFilterProxy::setStateFilter(StateFilter filter)
{
    if (filter == m_stateFilter)
        return;
    m_stateFilter = filter;
    relayout(true);
}

void ClientFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    for (int row = 0; row < int(m_keys.size()); ++row)
        m_keys[std::size_t(row)] = keyOf(row);
    relayout(false);
}

SortKey ClientFilterProxy::keyOf(int sourceRow) const
{
    if (m_sortColumn < 0)
        return {};
    SortKey key = m_table->sortKey(sourceRow, m_sortColumn);
    if (ClientTableModel::isTextColumn(m_sortColumn))
        key.collated = m_collator.sortKey(key.text);
    return key;
}

void ClientFilterProxy::refreshKey(int sourceRow)
{
    SortKey &key = m_keys[std::size_t(sourceRow)];
    if (ClientTableModel::isTextColumn(m_sortColumn) && key.collated
        && m_table->sortKey(sourceRow, m_sortColumn).text == key.text)
        return; // names rarely change: keep the collation key made for this one
    key = keyOf(sourceRow);
}

void ClientFilterProxy::rebuild()
{
    const int rows = m_table ? m_table->rowCount() : 0;
    m_keys.resize(std::size_t(rows));
    for (int row = 0; row < rows; ++row)
        m_keys[std::size_t(row)] = keyOf(row);
    filterRows();
    sortRows();
    indexSourceRows();
    m_needsSortCheck = m_needsRefilter = false;
}

void ClientFilterProxy::filterRows()
{
    m_order.clear();
    for (int row = 0; row < int(m_keys.size()); ++row)
        if (accepts(row))
            m_order.push_back(row);
}

bool ClientFilterProxy::accepts(int sourceRow) const
{
    if (m_stateFilter == StateFilter::All && m_filter.isEmpty())
        return true; // no filter: no row to look up
    return m_table->matchesState(sourceRow, m_stateFilter)
        && (m_filter.isEmpty() || m_table->matchesFilter(sourceRow, m_filter));
}

bool ClientFilterProxy::before(int sourceA, int sourceB) const
{
    if (m_sortColumn < 0)
        return sourceA < sourceB;
    const SortKey &a = m_keys[std::size_t(sourceA)];
    const SortKey &b = m_keys[std::size_t(sourceB)];
    const int order = ClientTableModel::isTextColumn(m_sortColumn)
        ? (a.collated && b.collated ? a.collated->compare(*b.collated) : m_collator.compare(a.text, b.text))
        : (a.number < b.number ? -1 : (b.number < a.number ? 1 : 0));
    if (order == 0)
        return sourceA < sourceB; // equal keys keep the source order, so rows do not jump about
    return m_sortOrder == Qt::AscendingOrder ? order < 0 : order > 0;
}

void ClientFilterProxy::settle()
{
    if (m_needsRefilter)
        relayout(true);
    else if (m_needsSortCheck && !std::is_sorted(m_order.begin(), m_order.end(), [this](int a, int b) { return before(a, b); }))
        relayout(false);
    m_needsSortCheck = m_needsRefilter = false;
}

void ClientFilterProxy::relayout(bool refilter)
{
    const auto hint = refilter ? QAbstractItemModel::NoLayoutChangeHint : QAbstractItemModel::VerticalSortHint;
    Q_EMIT layoutAboutToBeChanged({}, hint);
    // Views and selection models make their persistent indexes in answer to
    // layoutAboutToBeChanged, so they are read only now.
    const QModelIndexList persistent = persistentIndexList();
    std::vector<std::pair<int, int>> sources; // source row, column
    sources.reserve(std::size_t(persistent.size()));
    for (const QModelIndex &index : persistent)
        sources.emplace_back(m_order[std::size_t(index.row())], index.column());
    if (refilter)
        filterRows();
    sortRows();
    indexSourceRows();
    QModelIndexList moved;
    moved.reserve(persistent.size());
    for (const auto &[sourceRow, column] : sources) {
        const int row = m_proxyRowOf[std::size_t(sourceRow)];
        moved.append(row < 0 ? QModelIndex() : createIndex(row, column)); // filtered out: the index goes
    }
    changePersistentIndexList(persistent, moved);
    m_needsSortCheck = m_needsRefilter = false;
    Q_EMIT layoutChanged({}, hint);
}

void ClientFilterProxy::sortRows()
{
    if (m_sortColumn < 0 || ClientTableModel::isTextColumn(m_sortColumn)) {
        std::sort(m_order.begin(), m_order.end(), [this](int a, int b) { return before(a, b); });
        return;
    }
    // Numbers: sort (key, row) pairs side by side in memory, several times
    // faster than comparing through m_keys. Negated keys sort descending;
    // equal keys still go by source row, as before() has it.
    const double sign = m_sortOrder == Qt::AscendingOrder ? 1.0 : -1.0;
    std::vector<std::pair<double, int>> keyed;
    keyed.reserve(m_order.size());
    for (int row : m_order)
        keyed.emplace_back(sign * m_keys[std::size_t(row)].number, row);
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t i = 0; i < keyed.size(); ++i)
        m_order[i] = keyed[i].second;
}

void ClientFilterProxy::indexSourceRows()
{
    m_proxyRowOf.assign(m_keys.size(), -1);
    for (int row = 0; row < int(m_order.size()); ++row)
        m_proxyRowOf[std::size_t(m_order[std::size_t(row)])] = row;
}

void ClientFilterProxy::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!topLeft.isValid())
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    const bool sortKeyChanged = m_sortColumn >= topLeft.column() && m_sortColumn <= bottomRight.column()
        && (roles.isEmpty() || roles.contains(Qt::DisplayRole));
    for (int row = first; row <= last; ++row) {
        if (sortKeyChanged)
            refreshKey(row);
        if ((m_proxyRowOf[std::size_t(row)] >= 0) != accepts(row))
            m_needsRefilter = true;
    }
    m_needsSortCheck = m_needsSortCheck || sortKeyChanged;

    const int lastColumn = columnCount() - 1;
    if (double(last - first + 1) > kWholeTableShare * double(m_keys.size())) {
        if (!m_order.empty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_order.size()) - 1, lastColumn), roles);
    } else {
        for (const auto &[top, bottom] : rowRuns(proxyRowsOf(first, last)))
            Q_EMIT dataChanged(index(top, 0), index(bottom, lastColumn), roles);
    }
    // Within one refresh of the source the order is settled once, at its end.
    if (!m_batching)
        settle();
}

void ClientFilterProxy::onRowsInserted(int first, int last)
{
    const int count = last - first + 1;
    for (int &sourceRow : m_order)
        if (sourceRow >= first)
            sourceRow += count;
    m_keys.insert(m_keys.begin() + first, std::size_t(count), SortKey{});
    std::vector<int> added;
    for (int row = first; row <= last; ++row) {
        m_keys[std::size_t(row)] = keyOf(row);
        if (accepts(row))
            added.push_back(row);
    }
    indexSourceRows();
    if (added.empty())
        return;
    const auto less = [this](int a, int b) { return before(a, b); };
    std::sort(added.begin(), added.end(), less);
    // Where each new row goes among the old ones; each run that falls
    // between the same two old rows is one insertion.
    std::vector<std::size_t> positions;
    positions.reserve(added.size());
    for (int row : added)
        positions.push_back(std::size_t(std::lower_bound(m_order.begin(), m_order.end(), row, less) - m_order.begin()));
    std::size_t runs = 1; // positions only grow, as the rows are in order
    for (std::size_t i = 1; i < positions.size(); ++i)
        runs += positions[i] != positions[i - 1];
    if (runs > kMaxInsertionRuns) {
        // Many scattered rows (a server's snapshot): appended as one
        // insertion, then put in their places by one layout change, rather
        // than hundreds of insertions that each shift the whole table.
        beginInsertRows({}, int(m_order.size()), int(m_order.size() + added.size()) - 1);
        m_order.insert(m_order.end(), added.begin(), added.end());
        indexSourceRows();
        endInsertRows();
        relayout(false);
        return;
    }
    for (std::size_t i = 0, inserted = 0; i < added.size();) {
        std::size_t end = i + 1;
        while (end < added.size() && positions[end] == positions[i])
            ++end;
        const auto position = int(positions[i] + inserted);
        beginInsertRows({}, position, position + int(end - i) - 1);
        m_order.insert(m_order.begin() + position, added.begin() + qsizetype(i), added.begin() + qsizetype(end));
        indexSourceRows();
        endInsertRows();
        inserted += end - i;
        i = end;
    }
    // Old rows whose keys changed in the same refresh may not be in order
    // yet, so these were placed by a guess: check once the refresh is over.
    m_needsSortCheck = true;
    if (!m_batching)
        settle();
}

void ClientFilterProxy::onRowsAboutToBeRemoved(int first, int last)
{
    // From the bottom up, one removal per run of adjacent proxy rows.
    const auto runs = rowRuns(proxyRowsOf(first, last));
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
        beginRemoveRows({}, run->first, run->second);
        m_order.erase(m_order.begin() + run->first, m_order.begin() + run->second + 1);
        indexSourceRows();
        endRemoveRows();
    }
}

std::vector<int> ClientFilterProxy::proxyRowsOf(int firstSourceRow, int lastSourceRow) const
{
    std::vector<int> rows;
    for (int row = firstSourceRow; row <= lastSourceRow; ++row)
        if (const int proxyRow = m_proxyRowOf[std::size_t(row)]; proxyRow >= 0)
            rows.push_back(proxyRow);
    return rows;
}

void ClientFilterProxy::onRowsRemoved(int first, int last)
{
    const int count = last - first + 1;
    m_keys.erase(m_keys.begin() + first, m_keys.begin() + last + 1);
    for (int &sourceRow : m_order)
        if (sourceRow > last)
            sourceRow -= count;
    indexSourceRows();
}

QModelIndex ClientFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !m_table || proxyIndex.row() >= int(m_order.size()))
        return {};
    return m_table->index(m_order[std::size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex ClientFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.row() >= int(m_proxyRowOf.size()))
        return {};
    const int row = m_proxyRowOf[std::size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QModelIndex ClientFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= int(m_order.size()) || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex ClientFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex ClientFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int ClientFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int ClientFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_table ? 0 : m_table->columnCount();
}

bool ClientFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_order.empty();
}

} // namespace deploycast
