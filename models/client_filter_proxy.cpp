#include "client_filter_proxy.h"

#include "client_table_model.h"

namespace deploycast {

ClientFilterProxy::ClientFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ClientTableModel::SortRole);
    setDynamicSortFilter(true);
}

void ClientFilterProxy::setFilterText(const QString &text)
{
    if (text.trimmed() == m_filter)
        return;
    m_filter = text.trimmed();
    invalidateFilter();
}

bool ClientFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(ClientTableModel::FilterRole).toString().contains(m_filter, Qt::CaseInsensitive);
}

} // namespace deploycast
