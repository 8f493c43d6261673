#include "new_transmission_dialog.h"

#include "domain/session_info.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace deploycast {

NewTransmissionDialog::NewTransmissionDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("New Multicast Transmission"));
    auto *form = new QFormLayout(this);
    m_name = new QLineEdit;
    m_image = new QLineEdit;
    m_image->setPlaceholderText(tr("path in the server's image store, e.g. win11.img"));
    m_type = new QComboBox;
    m_type->addItem(tr("AutoCast: starts when the first client joins"), toText(CastType::AutoCast));
    m_type->addItem(tr("ScheduledCast: starts at a time or client count"), toText(CastType::ScheduledCast));
    m_useTime = new QCheckBox(tr("Start at"));
    m_time = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600));
    m_time->setCalendarPopup(true);
    m_time->setDisplayFormat(u"yyyy/MM/dd HH:mm"_qs);
    m_clients = new QSpinBox;
    m_clients->setRange(0, 100000);
    m_clients->setSpecialValueText(tr("no client threshold"));
    m_description = new QLineEdit;
    form->addRow(tr("&Friendly name:"), m_name);
    form->addRow(tr("&Image:"), m_image);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(m_useTime, m_time);
    form->addRow(tr("Start with &clients:"), m_clients);
    form->addRow(tr("&Description:"), m_description);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_image})
        connect(edit, &QLineEdit::textChanged, this, &NewTransmissionDialog::updateState);
    connect(m_type, &QComboBox::currentIndexChanged, this, &NewTransmissionDialog::updateState);
    connect(m_useTime, &QCheckBox::toggled, this, &NewTransmissionDialog::updateState);
    updateState();
}

void NewTransmissionDialog::updateState()
{
    const bool scheduled = m_type->currentData().toString() == toText(CastType::ScheduledCast);
    m_useTime->setEnabled(scheduled);
    m_time->setEnabled(scheduled && m_useTime->isChecked());
    m_clients->setEnabled(scheduled);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().trimmed().isEmpty()
                                                        && !m_image->text().trimmed().isEmpty());
}

SessionRequest NewTransmissionDialog::request() const
{
    SessionRequest request;
    request.name = m_name->text().trimmed();
    request.contentPath = m_image->text().trimmed();
    request.description = m_description->text();
    request.type = castTypeFromString(m_type->currentData().toString()).value_or(CastType::AutoCast);
    const bool scheduled = request.type == CastType::ScheduledCast;
    request.minClients = scheduled ? m_clients->value() : 0;
    if (scheduled && m_useTime->isChecked())
        request.startTime = m_time->dateTime();
    return request;
}

} // namespace deploycast
