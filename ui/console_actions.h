// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QKeySequence>
#include <QObject>

class QAction;

namespace deploycast {

// Every console action, each with a stable id (e.g. "client.disconnect") and
// a default key sequence, so a later settings page can remap keys (as Qt
// Creator does).
class ConsoleActions : public QObject
{
    Q_OBJECT
public:
    explicit ConsoleActions(QObject *parent = nullptr);

    QAction *disconnect;
    QAction *forceDisconnect;
    QAction *selectAll;
    QAction *refresh;
    QAction *addServer;
    QAction *removeServer;
    QAction *serverProperties;
    QAction *newTransmission;
    QAction *startTransmission;
    QAction *deactivateTransmission;
    QAction *deleteTransmission;
    QAction *properties;
    QAction *focusFilter;
    QAction *copyRows;
    QAction *exportClients;
    QAction *exportHistory;
    QAction *showActivity;
    QAction *clientDetails;
    QAction *documentation;
    QAction *about;
    QAction *quit;

    QList<QAction *> all() const { return m_byId.values(); }

    // Enables or disables an action; a disabled one says why in its tooltip.
    // Tooltips name the shortcut, e.g. "Disconnect the selected clients (Del)".
    static void setAvailable(QAction *action, bool available, const QString &whyNot = {});

private:
    // The shortcut falls back to `fallback` where the platform theme has none
    // for a standard key (Quit has none under some themes).
    QAction *make(const char *id, const char *icon, const QString &text, const QKeySequence &shortcut, const QString &tip,
                  const QKeySequence &fallback = {});

    QHash<QString, QAction *> m_byId;
};

} // namespace deploycast
