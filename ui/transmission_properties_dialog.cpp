// SPDX-License-Identifier: GPL-3.0-or-later
#include "transmission_properties_dialog.h"

#include "common/units.h"
#include "display_names.h"
#include "domain/session_info.h"
#include "value_label.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace deploycast {
TransmissionPropertiesDialog::TransmissionPropertiesDialog(const QCborMap &map, QWidget *parent)
    : QDialog(parent)
{
    const SessionInfo session = SessionInfo::fromCbor(map);
    const QLocale locale;
    setObjectName(u"transmissionProperties"_qs);
    setWindowTitle(tr("Properties of %1").arg(session.name));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);
    const bool transmission = session.kind == SessionKind::Transmission;
    form->addRow(transmission ? tr("Name:") : tr("Namespace:"), valueLabel(session.name));
    if (!session.friendlyName.isEmpty())
        form->addRow(tr("Friendly name:"), valueLabel(session.friendlyName));
    form->addRow(tr("Description:"), valueLabel(session.description.isEmpty() ? tr("(none)") : session.description));
    const QString content = session.catalogImage
        ? tr("%1 (%2)").arg(session.catalogImage->name, session.contentPath)
        : session.contentPath;
    form->addRow(transmission ? tr("Image:") : tr("Content:"), valueLabel(content));
    form->addRow(tr("Size:"), valueLabel(tr("%1 (%2 bytes)").arg(formatSize(session.size, locale), locale.toString(session.size))));
    form->addRow(tr("SHA-256:"), valueLabel(session.sha256.isEmpty() ? tr("(not computed yet)") : QString::fromLatin1(session.sha256.toHex())));
    form->addRow(tr("Type:"), valueLabel(session.type == CastType::AutoCast
                                             ? tr("AutoCast: starts when the first client joins")
                                             : tr("ScheduledCast: starts at a time or client count")));
    if (session.type == CastType::ScheduledCast) {
        form->addRow(tr("Start at:"), valueLabel(session.startTime.isValid()
                                                     ? locale.toString(session.startTime.toLocalTime(), QLocale::LongFormat)
                                                     : tr("no start time")));
        form->addRow(tr("Start with clients:"), valueLabel(session.minClients > 0 ? locale.toString(session.minClients)
                                                                                  : tr("no client threshold")));
    }

    // The join token: hidden until asked for, as a password field is.
    const bool required = map.value(u"joinTokenRequired"_qs).toBool();
    const QString token = map.value(u"joinToken"_qs).toString();
    if (!required) {
        form->addRow(tr("Join token:"), valueLabel(tr("not required: any receiver may join")));
    } else if (token.isEmpty()) {
        form->addRow(tr("Join token:"), valueLabel(tr("required (only admins can see it)")));
    } else {
        auto *row = new QHBoxLayout;
        auto *field = new QLineEdit(token);
        field->setObjectName(u"joinToken"_qs);
        field->setReadOnly(true);
        field->setEchoMode(QLineEdit::Password);
        auto *show = new QPushButton(tr("S&how"));
        show->setCheckable(true);
        show->setAutoDefault(false);
        connect(show, &QPushButton::toggled, field, [field](bool shown) {
            field->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        });
        row->addWidget(field, 1);
        row->addWidget(show);
        form->addRow(tr("Join token:"), row);
    }

    QString state = DisplayNames::of(session.state);
    if (const QString condition = DisplayNames::conditionOf(session); !condition.isEmpty())
        state += u" — "_qs + condition;
    if (!session.problem.isEmpty())
        state += u" — "_qs + session.problem;
    form->addRow(tr("State:"), valueLabel(state));
    form->addRow(tr("Clients:"), valueLabel(locale.toString(session.clientCount)));
    form->addRow(tr("Multicast address:"), valueLabel(session.group.isEmpty() ? tr("(assigned at start)")
                                                                              : tr("%1, port %2").arg(session.group).arg(session.port)));
    form->addRow(tr("Created:"), valueLabel(session.created.isValid()
                                                ? locale.toString(session.created.toLocalTime(), QLocale::LongFormat)
                                                : QString()));
    auto *note = new QLabel(tr("A transmission's settings are fixed when it is created, as in WDS: to change them, "
                               "delete it and create it again."));
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    buttons->button(QDialogButtonBox::Close)->setFocus();
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

} // namespace deploycast
