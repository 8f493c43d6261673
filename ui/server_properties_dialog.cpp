#include "server_properties_dialog.h"

#include "cli/text_report.h"
#include "domain/slow_client_policy.h"
#include "domain/transport_config.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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

    // Where new transmissions take their group and port (/Set-TransportServer).
    const QCborMap transport = config.value(u"transport"_qs).toMap();
    auto *multicast = new QGroupBox(tr("Multicast for new transmissions"));
    auto *multicastForm = new QFormLayout(multicast);
    m_firstGroup = new QLineEdit(transport.value(u"ipv4Start"_qs).toString());
    m_firstGroup->setObjectName(u"firstGroup"_qs);
    m_lastGroup = new QLineEdit(transport.value(u"ipv4End"_qs).toString());
    m_lastGroup->setObjectName(u"lastGroup"_qs);
    m_firstGroupV6 = new QLineEdit(transport.value(u"ipv6Start"_qs).toString());
    m_firstGroupV6->setObjectName(u"firstGroupV6"_qs);
    m_lastGroupV6 = new QLineEdit(transport.value(u"ipv6End"_qs).toString());
    m_lastGroupV6->setObjectName(u"lastGroupV6"_qs);
    m_firstPort = new QSpinBox;
    m_firstPort->setObjectName(u"firstPort"_qs);
    m_lastPort = new QSpinBox;
    m_lastPort->setObjectName(u"lastPort"_qs);
    for (QSpinBox *port : {m_firstPort, m_lastPort})
        port->setRange(1024, 65535);
    m_firstPort->setValue(int(transport.value(u"startPort"_qs).toInteger(64001)));
    m_lastPort->setValue(int(transport.value(u"endPort"_qs).toInteger(65000)));
    m_profile = new QComboBox;
    m_profile->setObjectName(u"profile"_qs);
    m_profile->addItem(tr("Custom: the server's --max-rate"), toText(NetworkProfile::Custom));
    m_profile->addItem(tr("10 Mbit/s network"), toText(NetworkProfile::Mbps10));
    m_profile->addItem(tr("100 Mbit/s network"), toText(NetworkProfile::Mbps100));
    m_profile->addItem(tr("1 Gbit/s network"), toText(NetworkProfile::Gbps1));
    m_profile->setCurrentIndex(std::max(0, m_profile->findData(transport.value(u"profile"_qs).toString())));
    m_transportProblem = new QLabel;
    m_transportProblem->setObjectName(u"transportProblem"_qs);
    m_transportProblem->setWordWrap(true);
    multicastForm->addRow(tr("&First address:"), m_firstGroup);
    multicastForm->addRow(tr("&Last address:"), m_lastGroup);
    multicastForm->addRow(tr("First IPv&6 address:"), m_firstGroupV6);
    multicastForm->addRow(tr("Last IPv6 a&ddress:"), m_lastGroupV6);
    multicastForm->addRow(tr("First p&ort:"), m_firstPort);
    multicastForm->addRow(tr("Last po&rt:"), m_lastPort);
    multicastForm->addRow(tr("&Network profile:"), m_profile);
    multicastForm->addRow(m_transportProblem);
    layout->addWidget(multicast);

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

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    // Once every field is there: each change is checked.
    connect(m_policy, &QComboBox::currentIndexChanged, this, &ServerPropertiesDialog::updateState);
    for (QLineEdit *address : {m_firstGroup, m_lastGroup, m_firstGroupV6, m_lastGroupV6})
        connect(address, &QLineEdit::textChanged, this, &ServerPropertiesDialog::updateState);
    for (QSpinBox *port : {m_firstPort, m_lastPort})
        connect(port, &QSpinBox::valueChanged, this, &ServerPropertiesDialog::updateState);
    updateState();
}

void ServerPropertiesDialog::updateState()
{
    const auto kind = slowClientPolicyFromString(m_policy->currentData().toString());
    m_threshold->setEnabled(kind != SlowClientPolicy::Kind::None);
    m_streamCount->setEnabled(kind == SlowClientPolicy::Kind::Multistream);
    m_fallback->setEnabled(kind == SlowClientPolicy::Kind::AutoDisconnect);
    // The server's own check, here: a range it would refuse cannot be sent.
    Error problem;
    const bool valid = TransportConfig().updatedFrom(transportRequest(), &problem).has_value();
    m_transportProblem->setText(valid ? QString() : localizedMessage(problem));
    m_transportProblem->setVisible(!valid);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

QCborMap ServerPropertiesDialog::transportRequest() const
{
    return {{u"ipv4Start"_qs, m_firstGroup->text().trimmed()},
            {u"ipv4End"_qs, m_lastGroup->text().trimmed()},
            {u"ipv6Start"_qs, m_firstGroupV6->text().trimmed()},
            {u"ipv6End"_qs, m_lastGroupV6->text().trimmed()},
            {u"startPort"_qs, m_firstPort->value()},
            {u"endPort"_qs, m_lastPort->value()},
            {u"profile"_qs, m_profile->currentData().toString()}};
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
