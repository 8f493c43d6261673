// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshot_session.h"

#include "client/server_connection.h"
#include "client/server_list.h"
#include "console_actions.h"
#include "main_window.h"
#include "throughput_recorder.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QImage>
#include <QItemSelectionModel>
#include <QPainter>
#include <QTableView>
#include <QTreeView>

#include <cstdio>

namespace deploycast {

ScreenshotSession::ScreenshotSession(MainWindow *window, ServerList *servers, const ScreenshotRequest &request,
                                     QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_servers(servers)
    , m_request(request)
{
    // Polling keeps this independent of which signal brings the last piece.
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, &ScreenshotSession::check);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_done)
            return;
        m_done = true;
        std::fprintf(stderr, "deploycast-console: %s\n",
                     qPrintable(tr("the servers' data did not arrive within %1 s; no screenshot taken")
                                    .arg(m_request.timeoutSeconds)));
        Q_EMIT finished(kDataNeverCame);
    });
}

void ScreenshotSession::start()
{
    m_deadline.start(m_request.timeoutSeconds * 1000);
    m_poll.start();
}

bool ScreenshotSession::ready() const
{
    for (const ServerConnection *server : m_servers->servers())
        if (server->state() == ConnectionState::Connecting)
            return false;
    if (!m_request.select.isEmpty() && !m_window->selectPath(m_request.select))
        return false;
    return !m_request.selectRows || m_window->table()->model()->rowCount() >= m_request.selectRows;
}

void ScreenshotSession::check()
{
    if (m_done || !ready())
        return;
    m_done = true;
    m_poll.stop();
    m_deadline.stop();
    QTableView *table = m_window->table();
    for (int row = 0; row < m_request.selectRows; ++row)
        table->selectionModel()->select(table->model()->index(row, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    // A recording is one moment: the chart shows what led up to it.
    for (const ServerConnection *server : m_servers->servers())
        if (server->isReplay())
            m_window->recorder()->reconstructReplay(server);
    switch (m_request.dialog) {
    case ScreenshotRequest::Dialog::None:
        break;
    case ScreenshotRequest::Dialog::Disconnect:
    case ScreenshotRequest::Dialog::DisconnectForce:
        if (!table->selectionModel()->hasSelection())
            table->selectAll();
        (m_request.dialog == ScreenshotRequest::Dialog::DisconnectForce ? m_window->actions()->forceDisconnect
                                                                         : m_window->actions()->disconnect)->trigger();
        break;
    case ScreenshotRequest::Dialog::TransmissionProperties:
        m_window->tree()->setFocus();
        m_window->actions()->properties->trigger();
        break;
    case ScreenshotRequest::Dialog::ClientDetails:
        table->setCurrentIndex(table->model()->index(0, 0));
        m_window->actions()->clientDetails->setChecked(true);
        break;
    }
    // Let layouts and the dialog settle before rendering.
    QTimer::singleShot(200, this, &ScreenshotSession::capture);
}

void ScreenshotSession::capture()
{
    QImage image = m_window->grab().toImage().convertToFormat(QImage::Format_ARGB32);
    // The dialog the request opened, over the window as a window manager would put it.
    QDialog *dialog = nullptr;
    for (QDialog *candidate : m_window->findChildren<QDialog *>())
        if (candidate->isVisible())
            dialog = candidate;
    if (dialog) {
        const QImage dialogImage = dialog->grab().toImage().convertToFormat(QImage::Format_ARGB32);
        QPainter painter(&image);
        const QPoint topLeft((image.width() - dialogImage.width()) / 2, (image.height() - dialogImage.height()) / 3);
        painter.fillRect(QRect(topLeft, dialogImage.size()).adjusted(-1, -1, 1, 1), Qt::darkGray); // its frame
        painter.drawImage(topLeft, dialogImage);
    }
    if (!image.save(m_request.file, "PNG")) {
        std::fprintf(stderr, "deploycast-console: %s\n", qPrintable(tr("cannot write %1").arg(m_request.file)));
        Q_EMIT finished(kCannotWrite);
        return;
    }
    Q_EMIT finished(0);
}

} // namespace deploycast
