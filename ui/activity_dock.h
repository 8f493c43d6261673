// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QTableView;

namespace deploycast {

class ActivityModel;

// The activity dock: what became of every client and transmission, and
// the console's own news (servers lost and back), newest at the bottom and
// kept in view while the admin has not scrolled up.
class ActivityDock : public QDockWidget
{
    Q_OBJECT
public:
    ActivityDock(ActivityModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    // Asks where, and saves the history as CSV or JSON (the protocol's entries).
    void exportHistory();

private:
    ActivityModel *m_model;
    QTableView *m_view;
};

} // namespace deploycast
