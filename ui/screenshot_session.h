// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSize>
#include <QString>
#include <QTimer>

namespace deploycast {

class MainWindow;
class ServerList;

// What `deploycast-console --screenshot` should picture.
struct ScreenshotRequest {
    enum class Dialog { None, Disconnect, DisconnectForce, TransmissionProperties, ClientDetails };

    QString file;
    QString select;       // tree path, as --select
    int selectRows = 0;   // select the table's first N rows
    Dialog dialog = Dialog::None;
    int timeoutSeconds = 30;
};

// Waits until every server's data has arrived and the views are filled,
// optionally opens a dialog, renders the window (with the dialog over it)
// to a PNG, and finishes with an exit code: 0, or 3 if the data never came.
class ScreenshotSession : public QObject
{
    Q_OBJECT
public:
    ScreenshotSession(MainWindow *window, ServerList *servers, const ScreenshotRequest &request,
                      QObject *parent = nullptr);

    void start();

    static constexpr int kDataNeverCame = 3;
    static constexpr int kCannotWrite = 1;

Q_SIGNALS:
    void finished(int exitCode);

private:
    bool ready() const;
    void check();
    void capture();

    MainWindow *m_window;
    ServerList *m_servers;
    ScreenshotRequest m_request;
    QTimer m_poll;
    QTimer m_deadline;
    bool m_done = false;
};

} // namespace deploycast
