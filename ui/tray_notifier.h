// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSystemTrayIcon;
class QWidget;

namespace deploycast {

class ActivityModel;
struct HistoryEntry;

// A system-tray icon that tells the admin when a transmission finishes, a
// client fails or a server is lost, while the console is in the background
// (at the window, the Activity dock shows it). Where the desktop has no
// tray, the window's status bar says it instead.
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    TrayNotifier(ActivityModel *activity, QWidget *window);

Q_SIGNALS:
    // Said where there is no tray (the main window shows it in its status bar).
    void message(const QString &text);

private:
    void notify(const QString &server, const HistoryEntry &entry, int count);

    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace deploycast
