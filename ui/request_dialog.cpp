// SPDX-License-Identifier: GPL-3.0-or-later
#include "request_dialog.h"

#include "palette_colors.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>

namespace deploycast {

QDialogButtonBox *RequestDialog::addRequestButtons(QBoxLayout *layout, const QString &okText)
{
    m_refusal = new QLabel;
    m_refusal->setObjectName(u"refusal"_qs);
    m_refusal->setWordWrap(true);
    m_refusal->setTextFormat(Qt::PlainText); // the server's words may echo names typed by anyone
    m_refusal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = m_refusal->palette();
    palette.setColor(QPalette::WindowText, warningTextColor(palette));
    m_refusal->setPalette(palette);
    m_refusal->hide();
    layout->addWidget(m_refusal);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    if (!okText.isEmpty())
        m_buttons->button(QDialogButtonBox::Ok)->setText(okText);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RequestDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    return m_buttons;
}

void RequestDialog::setSubmittable(bool submittable)
{
    m_submittable = submittable;
    if (m_buttons)
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(submittable && !m_waiting);
}

void RequestDialog::submit()
{
    if (!m_submittable || m_waiting)
        return;
    m_waiting = true;
    m_refusal->hide();
    setSubmittable(m_submittable); // OK waits for the answer
    Q_EMIT submitted();
}

void RequestDialog::showRefusal(const QString &message)
{
    m_waiting = false;
    m_refusal->setText(message);
    m_refusal->show();
    setSubmittable(m_submittable);
}

void RequestDialog::finishRequest()
{
    m_waiting = false;
    accept();
}

QString RequestDialog::refusal() const
{
    return m_refusal && !m_refusal->isHidden() ? m_refusal->text() : QString();
}

} // namespace deploycast
