#pragma once

#include <QSortFilterProxyModel>

namespace deploycast {

// Sorts the client table on the underlying values (not display text) and
// filters it on ID, name, IP or MAC address.
class ClientFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ClientFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_filter;
};

} // namespace deploycast
