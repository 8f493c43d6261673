#include "console_actions.h"

#include <QAction>

namespace deploycast {

ConsoleActions::ConsoleActions(QObject *parent)
    : QObject(parent)
{
    disconnect = make("client.disconnect", tr("&Disconnect…"), QKeySequence::Delete,
                      tr("Disconnect the selected clients; those that support it finish by unicast"));
    forceDisconnect = make("client.forceDisconnect", tr("Disconnect with &Force…"), QKeySequence(Qt::SHIFT | Qt::Key_Delete),
                           tr("Stop the selected clients' transfers at once, with no fallback"));
    selectAll = make("client.selectAll", tr("Select &All Clients"), QKeySequence::SelectAll,
                     tr("Select every client in the table"));
    refresh = make("view.refresh", tr("&Refresh"), QKeySequence::Refresh, tr("Ask every server for a fresh snapshot"));
    focusFilter = make("view.filter", tr("&Filter Clients"), QKeySequence::Find,
                       tr("Filter the client table by name, IP address, MAC address or ID"));
    addServer = make("server.add", tr("&Add Server…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                     tr("Watch another server"));
    removeServer = make("server.remove", tr("Re&move Server"), {}, tr("Stop watching the selected server"));
    serverProperties = make("server.properties", tr("Server &Properties…"), {},
                            tr("Show the selected server's configuration and set its slow-client policy"));
    newTransmission = make("transmission.new", tr("&New Multicast Transmission…"), QKeySequence::New,
                           tr("Create a transmission on the selected server"));
    startTransmission = make("transmission.start", tr("&Start"), {}, tr("Start the selected ScheduledCast transmission now"));
    deactivateTransmission = make("transmission.deactivate", tr("De&activate"), {},
                                  tr("Remove without Force: current clients finish, no new ones join"));
    deleteTransmission = make("transmission.delete", tr("De&lete…"), {},
                              tr("Remove with Force: every client is stopped at once"));
    properties = make("transmission.properties", tr("&Properties"), QKeySequence(Qt::ALT | Qt::Key_Return),
                      tr("Show the selected transmission's details"));
    quit = make("app.quit", tr("&Quit"), QKeySequence::Quit, tr("Close the console"));
}

QAction *ConsoleActions::make(const char *id, const QString &text, const QKeySequence &shortcut, const QString &tip)
{
    auto *action = new QAction(text, this);
    action->setObjectName(QLatin1String(id));
    action->setShortcut(shortcut);
    action->setToolTip(tip);
    action->setStatusTip(tip);
    action->setProperty("defaultToolTip", tip);
    m_byId.insert(QLatin1String(id), action);
    return action;
}

void ConsoleActions::setAvailable(QAction *action, bool available, const QString &whyNot)
{
    action->setEnabled(available);
    const QString tip = action->property("defaultToolTip").toString();
    action->setToolTip(available || whyNot.isEmpty() ? tip : tip + u"\n"_qs + whyNot);
}

} // namespace deploycast
