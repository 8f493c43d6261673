// SPDX-License-Identifier: GPL-3.0-or-later
#include "console_actions.h"

#include "themed_icon.h"

#include <QAction>

namespace deploycast {

ConsoleActions::ConsoleActions(QObject *parent)
    : QObject(parent)
{
    disconnect = make("client.disconnect", "network-disconnect", tr("&Disconnect…"), QKeySequence::Delete,
                      tr("Disconnect the selected clients; those that support it finish by unicast"),
                      QKeySequence(Qt::Key_Delete));
    forceDisconnect = make("client.forceDisconnect", "process-stop", tr("Disconnect with &Force…"),
                           QKeySequence(Qt::SHIFT | Qt::Key_Delete),
                           tr("Stop the selected clients' transfers at once, with no fallback"));
    selectAll = make("client.selectAll", nullptr, tr("Select &All Clients"), QKeySequence::SelectAll,
                     tr("Select every client in the table"), QKeySequence(Qt::CTRL | Qt::Key_A));
    copyRows = make("client.copy", "edit-copy", tr("&Copy Rows"), QKeySequence::Copy,
                    tr("Copy the selected rows as tab-separated text"), QKeySequence(Qt::CTRL | Qt::Key_C));
    clientDetails = make("client.details", "user-identity", tr("Client &Details"), QKeySequence(Qt::CTRL | Qt::Key_I),
                         tr("Show or hide the selected client's details: rate history, repairs, stream, addresses, times"));
    refresh = make("view.refresh", "view-refresh", tr("&Refresh"), QKeySequence::Refresh,
                   tr("Ask every server for a fresh snapshot"), QKeySequence(Qt::Key_F5));
    focusFilter = make("view.filter", "edit-find", tr("&Filter Clients"), QKeySequence::Find,
                       tr("Filter the client table by name, IP address, MAC address or ID; Escape clears it"),
                       QKeySequence(Qt::CTRL | Qt::Key_F));
    showActivity = make("view.activity", "x-office-presentation", tr("&Activity"), QKeySequence(Qt::CTRL | Qt::Key_H),
                        tr("Show or hide what became of clients and transmissions"));
    exportClients = make("file.exportClients", "document-save-as", tr("&Export Client Table…"),
                         QKeySequence(Qt::CTRL | Qt::Key_E), tr("Save the client table as shown, as CSV or JSON"));
    exportHistory = make("file.exportHistory", "document-save-as", tr("Export &History…"), {},
                         tr("Save the activity history as CSV or JSON"));
    addServer = make("server.add", "list-add", tr("&Add Server…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                     tr("Watch another server"));
    removeServer = make("server.remove", "edit-delete", tr("Re&move Server"), {}, tr("Stop watching the selected server"));
    serverProperties = make("server.properties", "document-properties", tr("Server &Properties…"), {},
                            tr("Show the selected server's configuration and set its slow-client policy"));
    newTransmission = make("transmission.new", "document-new", tr("&New Multicast Transmission…"), QKeySequence::New,
                           tr("Create a transmission on the selected server"), QKeySequence(Qt::CTRL | Qt::Key_N));
    startTransmission = make("transmission.start", "media-playback-start", tr("&Start"), {},
                             tr("Start the selected ScheduledCast transmission now"));
    deactivateTransmission = make("transmission.deactivate", "media-playback-pause", tr("De&activate"), {},
                                  tr("Remove without Force: current clients finish, no new ones join"));
    deleteTransmission = make("transmission.delete", "edit-delete", tr("De&lete…"), {},
                              tr("Remove with Force: every client is stopped at once"));
    properties = make("transmission.properties", "document-properties", tr("&Properties"),
                      QKeySequence(Qt::ALT | Qt::Key_Return), tr("Show the selected transmission's details"));
    documentation = make("help.documentation", "help-contents", tr("&Documentation"), QKeySequence::HelpContents,
                         tr("Open the console's documentation"), QKeySequence(Qt::Key_F1));
    about = make("help.about", "help-about", tr("&About Deploycast"), {}, tr("Version, licence and links"));
    quit = make("app.quit", "application-exit", tr("&Quit"), QKeySequence::Quit, tr("Close the console"),
                QKeySequence(Qt::CTRL | Qt::Key_Q));
}

QAction *ConsoleActions::make(const char *id, const char *icon, const QString &text, const QKeySequence &shortcut,
                              const QString &tip, const QKeySequence &fallback)
{
    auto *action = new QAction(text, this);
    action->setObjectName(QLatin1String(id));
    if (icon)
        action->setIcon(themedIcon(QLatin1String(icon)));
    action->setShortcut(shortcut.isEmpty() ? fallback : shortcut);
    const QString keys = action->shortcut().toString(QKeySequence::NativeText);
    const QString shown = keys.isEmpty() ? tip : tr("%1 (%2)").arg(tip, keys);
    action->setToolTip(shown);
    action->setStatusTip(tip);
    action->setProperty("defaultToolTip", shown);
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
