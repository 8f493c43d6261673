#include "client_details_view.h"

#include "client/server_connection.h"
#include "client_table_model.h"
#include "common/units.h"
#include "display_names.h"
#include "throughput_chart.h"
#include "throughput_recorder.h"

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
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_title = new QLabel;
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextFormat(Qt::PlainText);
    m_form->addRow(m_title);
    m_where = addRow(tr("Where:"), "where");
    m_state = addRow(tr("State:"), "state");
    m_progress = addRow(tr("Progress:"), "progress");
    m_rate = addRow(tr("Rate:"), "rate");
    m_sparkline = new RateSparkline;
    m_form->addRow(tr("Recent rate:"), m_sparkline);
    m_eta = addRow(tr("Time left:"), "eta");
    m_repairs = addRow(tr("Repairs:"), "repairs");
    m_addresses = addRow(tr("Addresses:"), "addresses");
    m_host = addRow(tr("Host:"), "host");
    m_times = addRow(tr("Times:"), "times");
    m_fallback = addRow(tr("Fallback:"), "fallback");
    m_reason = addRow(tr("Why:"), "reason");
    layout->addWidget(m_fields);
    layout->addStretch(1);
    showClient(nullptr, nullptr);
}

QLabel *ClientDetailsView::addRow(const QString &label, const char *name)
{
    auto *field = new QLabel;
    field->setObjectName(QLatin1String(name));
    field->setTextFormat(Qt::PlainText); // machine names come from the machines
    field->setWordWrap(true);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_form->addRow(label, field);
    return field;
}

void ClientDetailsView::showClient(const ServerConnection *server, const ClientInfo *client)
{
    m_placeholder->setVisible(!client);
    m_fields->setVisible(client);
    if (!client || !server)
        return;
    const QLocale locale;
    auto time = [&locale](const QDateTime &at) { return locale.toString(at.toLocalTime(), QLocale::ShortFormat); };
    m_title->setText(tr("%1 (ID %2)").arg(client->machineName).arg(client->id));
    QString where = client->sessionName.isEmpty() ? server->address() : tr("%1 on %2").arg(client->sessionName, server->address());
    where += client->method == TransferMethod::Unicast ? tr(", by unicast")
             : client->stream.isEmpty()                  ? tr(", by multicast")
                                                         : tr(", by multicast (%1 stream)").arg(DisplayNames::ofStream(client->stream));
    m_where->setText(where);
    m_state->setText(client->outcome ? displayName(*client->outcome) : DisplayNames::of(client->state));
    m_progress->setText(tr("%1% — %2").arg(locale.toString(client->percentComplete, 'f', 1),
                                            formatSize(client->bytesReceived, locale)));
    m_rate->setText(client->outcome ? tr("(left)") : formatRate(client->transferRate, locale));
    m_sparkline->setRates(m_recorder ? m_recorder->clientRates(server, client->id) : std::vector<float>{});
    const std::optional<qint64> eta = ClientTableModel::etaSeconds(*client);
    m_eta->setText(eta ? formatDuration(*eta) : tr("—"));
    m_repairs->setText(tr("%1 blocks asked for again").arg(locale.toString(client->blocksRepaired)));
    m_addresses->setText(tr("IP %1, MAC %2").arg(client->ipAddress, client->macAddress.isEmpty() ? tr("unknown") : client->macAddress));
    m_host->setText(tr("CPU %1%, memory %2%, network %3%")
                        .arg(locale.toString(client->cpuUtilization, 'f', 0), locale.toString(client->memoryUtilization, 'f', 0),
                             locale.toString(client->networkUtilization, 'f', 0)));
    m_times->setText(client->outcome ? tr("joined %1, left %2").arg(time(client->joinedAt), time(client->endedAt))
                                     : tr("joined %1, connected for %2")
                                           .arg(time(client->joinedAt),
                                                formatDuration(client->joinedAt.secsTo(server->referenceTime()))));
    m_fallback->setText(client->fallbackSupported ? tr("supported: a disconnect without Force finishes by unicast")
                                                  : tr("not supported: a disconnect makes it fail"));
    const QString reason = client->outcome ? client->outcomeReason : client->note;
    m_reason->setText(reason.isEmpty() ? tr("—") : reason);
}

} // namespace deploycast
