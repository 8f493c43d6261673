// SPDX-License-Identifier: GPL-3.0-or-later
#include "client_details_view.h"

#include "client/server_connection.h"
#include "client_table_model.h"
#include "common/units.h"
#include "display_names.h"
#include "throughput_chart.h"
#include "throughput_recorder.h"
#include "value_label.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace deploycast {

ClientDetailsView::ClientDetailsView(const ThroughputRecorder *recorder, QWidget *parent)
    : QWidget(parent)
    , m_recorder(recorder)
{
    setObjectName(u"clientDetails"_qs);
    auto *layout = new QVBoxLayout(this);
    m_placeholder = new QLabel(tr("Select a client to see its details."));
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setWordWrap(true);
    layout->addWidget(m_placeholder);
    m_fields = new QWidget;
    m_form = new QFormLayout(m_fields);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_title = new QLabel;
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextFormat(Qt::PlainText);
    m_form->addRow(m_title);
    m_session = addRow(tr("Transmission:"), "session");
    m_server = addRow(tr("Server:"), "server");
    m_method = addRow(tr("Method:"), "method");
    m_state = addRow(tr("State:"), "state");
    m_progress = addRow(tr("Progress:"), "progress");
    m_rate = addRow(tr("Rate:"), "rate");
    m_sparkline = new RateSparkline;
    m_form->addRow(tr("Recent rate:"), m_sparkline);
    m_eta = addRow(tr("Time left:"), "eta");
    m_repairs = addRow(tr("Repairs:"), "repairs");
    m_ip = addRow(tr("IP address:"), "ip");
    m_mac = addRow(tr("MAC address:"), "mac");
    m_host = addRow(tr("Host load:"), "host");
    m_joined = addRow(tr("Joined:"), "joined");
    m_duration = addRow(tr("Connected for:"), "duration");
    m_fallback = addRow(tr("Fallback:"), "fallback");
    // Why the policy or an admin acted: often a sentence, so under the form,
    // where it can wrap over the panel's whole width.
    m_reason = valueLabel();
    m_reason->setObjectName(u"reason"_qs);
    layout->addWidget(m_fields);
    layout->addWidget(m_reason);
    layout->addStretch(1);
    showClient(nullptr, nullptr);
}

QLabel *ClientDetailsView::addRow(const QString &label, const char *name)
{
    QLabel *field = valueLabel({}, false); // one line each: the panel is narrow
    field->setObjectName(QLatin1String(name));
    m_form->addRow(label, field);
    return field;
}

void ClientDetailsView::showClient(const ServerConnection *server, const ClientInfo *client)
{
    m_placeholder->setVisible(!client);
    m_fields->setVisible(client);
    m_reason->setVisible(client);
    if (!client || !server)
        return;
    const QLocale locale;
    auto time = [&locale](const QDateTime &at) { return locale.toString(at.toLocalTime(), QLocale::ShortFormat); };
    m_title->setText(tr("%1 (ID %2)").arg(client->machineName).arg(client->id));
    m_session->setText(client->sessionName.isEmpty() ? tr("—") : client->sessionName);
    m_server->setText(server->address());
    m_method->setText(client->method == TransferMethod::Unicast ? tr("unicast")
                      : client->stream.isEmpty()                  ? tr("multicast")
                                                                  : tr("multicast, %1 stream").arg(DisplayNames::ofStream(client->stream)));
    m_state->setText(client->outcome ? displayName(*client->outcome) : DisplayNames::of(client->state));
    m_progress->setText(tr("%1% — %2").arg(locale.toString(client->percentComplete, 'f', 1),
                                            formatSize(client->bytesReceived, locale)));
    m_rate->setText(client->outcome ? tr("(left)") : formatRate(client->transferRate, locale));
    m_sparkline->setRates(m_recorder ? m_recorder->clientRates(server, client->id) : std::vector<float>{});
    const std::optional<qint64> eta = ClientTableModel::etaSeconds(*client);
    m_eta->setText(eta ? formatDuration(*eta) : tr("—"));
    m_repairs->setText(tr("%1 blocks sent again").arg(locale.toString(client->blocksRepaired)));
    m_ip->setText(client->ipAddress);
    m_mac->setText(client->macAddress.isEmpty() ? tr("unknown") : client->macAddress);
    m_host->setText(tr("CPU %1%, memory %2%, network %3%").arg(locale.toString(client->cpuUtilization, 'f', 0),
                                            locale.toString(client->memoryUtilization, 'f', 0),
                                            locale.toString(client->networkUtilization, 'f', 0)));
    m_joined->setText(time(client->joinedAt));
    const QDateTime end = client->outcome ? client->endedAt : server->referenceTime();
    m_duration->setText(client->outcome ? tr("%1, left %2").arg(formatDuration(client->joinedAt.secsTo(end)), time(end))
                                        : formatDuration(client->joinedAt.secsTo(end)));
    m_fallback->setText(client->fallbackSupported ? tr("supported") : tr("not supported: it fails if disconnected"));
    const QString reason = client->outcome ? client->outcomeReason : client->note;
    m_reason->setText(reason.isEmpty() ? QString() : tr("Why: %1").arg(reason));
    m_reason->setVisible(!reason.isEmpty());
}

} // namespace deploycast
