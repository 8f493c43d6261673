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

void TrayNotifier::notify(const QString &server, const HistoryEntry &entry)
{
    const QString title = displayName(entry.event);
    QString text = entry.client.id != 0 || !entry.sessionName.isEmpty() ? tr("%1 on %2").arg(entry.subject(), server) : server;
    if (const QString reason = entry.localizedReason(); !reason.isEmpty())
        text += u": "_qs + reason;
    const bool bad = entry.event != HistoryEvent::TransmissionFinished;
    if (m_tray && !m_window->isActiveWindow())
        m_tray->showMessage(title, text, bad ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    else
        Q_EMIT message(tr("%1: %2").arg(title, text));
}

} // namespace deploycast
