// SPDX-License-Identifier: GPL-3.0-or-later
#include "server_properties_dialog.h"

#include "common/units.h"
#include "domain/slow_client_policy.h"
#include "domain/transport_config.h"
#include "value_label.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCborArray>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace deploycast {

ServerPropertiesDialog::ServerPropertiesDialog(const QCborMap &config, const QString &role, QWidget *parent)
    : RequestDialog(parent)
{
    setWindowTitle(tr("Properties of %1").arg(config.value(u"name"_qs).toString()));
    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget;
    tabs->setObjectName(u"tabs"_qs);
    tabs->addTab(generalTab(config), tr("&General"));
    tabs->addTab(multicastTab(config), tr("&Multicast"));
    tabs->addTab(slowClientsTab(config), tr("Slo&w Clients"));
    tabs->addTab(accessTab(role), tr("A&ccess"));
    layout->addWidget(tabs);
    addRequestButtons(layout);
    // Once every field is there: each change is checked.
    connect(m_policy, &QComboBox::currentIndexChanged, this, &ServerPropertiesDialog::updateState);
    for (QLineEdit *address : {m_firstGroup, m_lastGroup, m_firstGroupV6, m_lastGroupV6})
        connect(address, &QLineEdit::textChanged, this, &ServerPropertiesDialog::updateState);
    for (QSpinBox *port : {m_firstPort, m_lastPort})
        connect(port, &QSpinBox::valueChanged, this, &ServerPropertiesDialog::updateState);
    updateState();
}

QWidget *ServerPropertiesDialog::generalTab(const QCborMap &config)
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    auto addRow = [form](const QString &label, const QString &value) { form->addRow(label, valueLabel(value)); };
    const QLocale locale;
    const qint64 maxRate = config.value(u"maxRate"_qs).toInteger();
    addRow(tr("Name:"), config.value(u"name"_qs).toString());
    addRow(tr("Version:"), tr("%1 (protocol %2)").arg(config.value(u"version"_qs).toString())
                               .arg(config.value(u"protocolVersion"_qs).toInteger()));
    addRow(tr("Listening on:"), config.value(u"listen"_qs).toString());
    addRow(tr("Multicast interface:"), config.value(u"multicastInterface"_qs).toString());
    addRow(tr("Image store:"), config.value(u"imageStore"_qs).toString());
    addRow(tr("State directory:"), config.value(u"stateDirectory"_qs).toString());
    addRow(tr("Transport server:"), config.value(u"transportRunning"_qs).toBool() ? tr("running") : tr("stopped"));
    addRow(tr("Transmissions:"), locale.toString(config.value(u"transmissions"_qs).toInteger()));
    addRow(tr("Namespaces:"), locale.toString(config.value(u"namespaces"_qs).toInteger()));
    addRow(tr("Clients:"), locale.toString(config.value(u"clients"_qs).toInteger()));
    addRow(tr("Maximum rate:"), maxRate > 0 ? formatRate(maxRate, locale) : tr("unlimited"));
    QStringList providers;
    for (const QCborValue &provider : config.value(u"contentProviders"_qs).toArray())
        providers.append(provider.toString());
    addRow(tr("Content providers:"), providers.join(u", "_qs));
    return page;
}

QWidget *ServerPropertiesDialog::multicastTab(const QCborMap &config)
{
    // Where new transmissions take their group and port (/Set-TransportServer).
    const QCborMap transport = config.value(u"transport"_qs).toMap();
    auto *multicast = new QWidget;
    auto *multicastForm = new QFormLayout(multicast);
    auto *intro = new QLabel(tr("Where new transmissions take their multicast group and UDP port."));
    intro->setWordWrap(true);
    multicastForm->addRow(intro);
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
    return multicast;

}

QWidget *ServerPropertiesDialog::slowClientsTab(const QCborMap &config)
{
    auto *group = new QWidget;
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

    const SlowClientPolicy policy = SlowClientPolicy::fromCbor(config.value(u"slowClientPolicy"_qs).toMap());
    m_policy->setCurrentIndex(std::max(0, m_policy->findData(toText(policy.kind))));
    m_threshold->setValue(policy.thresholdKBps > 0 ? int(policy.thresholdKBps) : 1000);
    m_streamCount->setCurrentIndex(std::max(0, m_streamCount->findData(policy.streamCount)));
    m_fallback->setChecked(policy.fallback);
    return group;
}

QWidget *ServerPropertiesDialog::accessTab(const QString &role)
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *held = new QLabel(role == u"admin"_qs
                                ? tr("This console holds an <b>admin</b> token: it may change the server.")
                                : tr("This console holds a <b>viewer</b> token: it can watch but not change anything. "
                                     "Present an admin token to change the server."));
    held->setObjectName(u"role"_qs);
    held->setWordWrap(true);
    layout->addWidget(held);
    auto *change = new QPushButton(tr("Use &Another Token…"));
    change->setObjectName(u"changeToken"_qs);
    change->setAutoDefault(false);
    connect(change, &QPushButton::clicked, this, [this] {
        reject();
        Q_EMIT changeTokenRequested();
    });
    layout->addWidget(change, 0, Qt::AlignLeft);
    layout->addStretch(1);
    return page;
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
    setSubmittable(valid);
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
