// SPDX-License-Identifier: GPL-3.0-or-later
#include "tray_notifier.h"

#include "activity_model.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

namespace deploycast {

TrayNotifier::TrayNotifier(ActivityModel *activity, QWidget *window)
    : QObject(window)
    , m_window(window)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(tr("Deploycast Console"));
        connect(m_tray, &QSystemTrayIcon::activated, window, [window] {
            window->showNormal();
            window->raise();
            window->activateWindow();
        });
        m_tray->show();
    }
    connect(activity, &ActivityModel::noteworthy, this, &TrayNotifier::notify);
}

void TrayNotifier::notify(const QString &server, const HistoryEntry &entry, int count)
{
    const QString title = displayName(entry.event);
    const QString subject = count > 1 ? tr("%n client(s)", nullptr, count) : entry.subject();
    QString text = !subject.isEmpty() ? tr("%1 on %2").arg(subject, server) : server;
    if (const QString reason = entry.localizedReason(); !reason.isEmpty())
        text += u": "_qs + reason;

    const bool bad = entry.event != HistoryEvent::TransmissionFinished;
    // The admin at the window sees it in the Activity dock (and the status
    // bar keeps what their own action reported); the tray, or without one
    // the status bar, is for a console in the background.
    if (m_window->isActiveWindow())
        return;
    if (m_tray)
        // Some notification servers read markup, and names come from the machines.
        m_tray->showMessage(title, text.toHtmlEscaped(), bad ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    else
        Q_EMIT message(tr("%1: %2").arg(title, text));
}

} // namespace deploycast
