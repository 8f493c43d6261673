#include "server_properties_dialog.h"

#include "cli/text_report.h"
#include "domain/slow_client_policy.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace deploycast {

ServerPropertiesDialog::ServerPropertiesDialog(const QCborMap &config, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Properties of %1").arg(config.value(u"name"_qs).toString()));
    auto *layout = new QVBoxLayout(this);

    auto *details = new QPlainTextEdit(cli::serverConfigReport(config));
    details->setReadOnly(true);
    details->setMinimumSize(520, 220);
    layout->addWidget(details);

    auto *group = new QGroupBox(tr("Slow clients"));
    auto *form = new QFormLayout(group);
    m_policy = new QComboBox;
    m_policy->setObjectName(u"policy"_qs);
    m_policy->addItem(tr("None: one stream, paced for the slowest client"), toText(SlowClientPolicy::Kind::None));
    m_policy->addItem(tr("AutoDisconnect: disconnect a client that stays below the threshold"),
                      toText(SlowClientPolicy::Kind::AutoDisconnect));
    m_policy->addItem(tr("Multistream: move a client that stays below the threshold to a slower stream"),
                      toText(SlowClientPolicy::Kind::Multistream));
    m_threshold = new QSpinBox;
    m_threshold->setObjectName(u"threshold"_qs);
    m_threshold->setRange(1, 10'000'000);
    m_threshold->setSuffix(tr(" KB/s"));
    m_streamCount = new QComboBox;
    m_streamCount->setObjectName(u"streamCount"_qs);
    m_streamCount->addItem(tr("2: fast and slow"), 2);
    m_streamCount->addItem(tr("3: fast, medium and slow"), 3);
    m_fallback = new QCheckBox(tr("Disconnected clients finish by &unicast (if they support it)"));
    form->addRow(tr("&Policy:"), m_policy);
    form->addRow(tr("&Threshold:"), m_threshold);
    form->addRow(tr("&Streams:"), m_streamCount);
    form->addRow(m_fallback);
    layout->addWidget(group);

    const SlowClientPolicy policy = SlowClientPolicy::fromCbor(config.value(u"slowClientPolicy"_qs).toMap());
    m_policy->setCurrentIndex(std::max(0, m_policy->findData(toText(policy.kind))));
    m_threshold->setValue(policy.thresholdKBps > 0 ? int(policy.thresholdKBps) : 1000);
    m_streamCount->setCurrentIndex(std::max(0, m_streamCount->findData(policy.streamCount)));
    m_fallback->setChecked(policy.fallback);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_policy, &QComboBox::currentIndexChanged, this, &ServerPropertiesDialog::updateState);
    updateState();
}

void ServerPropertiesDialog::updateState()
{
    const auto kind = slowClientPolicyFromString(m_policy->currentData().toString());
    m_threshold->setEnabled(kind != SlowClientPolicy::Kind::None);
    m_streamCount->setEnabled(kind == SlowClientPolicy::Kind::Multistream);
    m_fallback->setEnabled(kind == SlowClientPolicy::Kind::AutoDisconnect);
}

QCborMap ServerPropertiesDialog::policyRequest() const
{
    SlowClientPolicy policy;
    policy.kind = slowClientPolicyFromString(m_policy->currentData().toString()).value_or(SlowClientPolicy::Kind::None);
    policy.thresholdKBps = m_threshold->value();
    policy.streamCount = m_streamCount->currentData().toInt();
    policy.fallback = m_fallback->isChecked();
    return policy.toCbor();
}

} // namespace deploycast
