#pragma once

#include <QHash>
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
    QAction *quit;

    QAction *byId(const QString &id) const { return m_byId.value(id); }
    QList<QAction *> all() const { return m_byId.values(); }

    // Enables or disables an action; a disabled one says why in its tooltip.
    static void setAvailable(QAction *action, bool available, const QString &whyNot = {});

private:
    QAction *make(const char *id, const QString &text, const QKeySequence &shortcut, const QString &tip);

    QHash<QString, QAction *> m_byId;
};

} // namespace deploycast
