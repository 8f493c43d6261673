// SPDX-License-Identifier: GPL-3.0-or-later
#include "new_transmission_dialog.h"

#include "domain/session_info.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace deploycast {

NewTransmissionDialog::NewTransmissionDialog(const QList<CatalogImage> &images, QWidget *parent)
    : RequestDialog(parent)
    , m_images(images)
{
    setWindowTitle(tr("New Multicast Transmission"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    m_name = new QLineEdit;
    m_name->setObjectName(u"name"_qs);
    m_image = new QComboBox;
    m_image->setObjectName(u"image"_qs);
    m_image->setEditable(true);
    for (const CatalogImage &image : m_images)
        m_image->addItem(image.type == ImageType::Install ? tr("%1 (install image, %2)").arg(image.name, image.group)
                                                          : tr("%1 (boot image, %2)").arg(image.name, image.architecture));
    m_image->setCurrentIndex(-1);
    m_image->lineEdit()->setPlaceholderText(tr("a catalog image, or a path in the server's image store"));
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
    addRequestButtons(layout, tr("Create"));
    connect(m_name, &QLineEdit::textChanged, this, &NewTransmissionDialog::updateState);
    connect(m_image, &QComboBox::currentTextChanged, this, &NewTransmissionDialog::updateState);
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
    setSubmittable(!m_name->text().trimmed().isEmpty() && !m_image->currentText().trimmed().isEmpty());
}

SessionRequest NewTransmissionDialog::request() const
{
    SessionRequest request;
    request.name = m_name->text().trimmed();
    // A catalog image as offered, or whatever else was typed: a store path.
    const int chosen = m_image->findText(m_image->currentText());
    if (chosen >= 0 && chosen < m_images.size())
        request.image = m_images.at(chosen).query();
    else
        request.contentPath = m_image->currentText().trimmed();
    request.description = m_description->text();
    request.type = castTypeFromString(m_type->currentData().toString()).value_or(CastType::AutoCast);
    const bool scheduled = request.type == CastType::ScheduledCast;
    request.minClients = scheduled ? m_clients->value() : 0;
    if (scheduled && m_useTime->isChecked())
        request.startTime = m_time->dateTime();
    return request;
}

} // namespace deploycast
