// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;

namespace deploycast {

class RateSparkline;
class ServerConnection;
class ThroughputRecorder;
struct ClientInfo;

// One client in full, read-only: where it is (server, transmission, stream,
// method), how it goes (progress, rate and its recent history, time left,
// repairs), its host (addresses, CPU, memory, network), its times, and why
// the slow-client policy or an admin acted on it. The detail panel and the
// client property sheet both show this.
class ClientDetailsView : public QWidget
{
    Q_OBJECT
public:
    explicit ClientDetailsView(const ThroughputRecorder *recorder, QWidget *parent = nullptr);

    // Shows this client (null: none selected).
    void showClient(const ServerConnection *server, const ClientInfo *client);

private:
    QLabel *addRow(const QString &label, const char *name);

    const ThroughputRecorder *m_recorder;
    QFormLayout *m_form;
    QLabel *m_placeholder;
    QWidget *m_fields;
    QLabel *m_title, *m_session, *m_server, *m_method, *m_state, *m_progress, *m_rate, *m_eta, *m_repairs, *m_ip, *m_mac,
        *m_host, *m_joined, *m_duration, *m_fallback, *m_reason;
    RateSparkline *m_sparkline;
};

} // namespace deploycast
