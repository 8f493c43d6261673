#include "disconnect_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace deploycast {

DisconnectDialog::DisconnectDialog(const QList<ClientSummary> &clients, bool force, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Disconnect Clients"));
    auto *layout = new QVBoxLayout(this);

    auto *question = new QLabel(tr("Disconnect %n client(s)?", nullptr, int(clients.size())));
    QFont bold = question->font();
    bold.setBold(true);
    question->setFont(bold);
    question->setObjectName(u"question"_qs);
    layout->addWidget(question);

    auto *list = new QTreeWidget;
    list->setObjectName(u"clientList"_qs);
    list->setHeaderLabels({tr("ID"), tr("Name"), tr("IP address")});
    list->setRootIsDecorated(false);
    list->setFocusPolicy(Qt::NoFocus); // the keyboard goes Force -> OK -> Cancel
    list->setSelectionMode(QAbstractItemView::NoSelection);
    for (qsizetype i = 0; i < std::min<qsizetype>(clients.size(), kListedClients); ++i)
        new QTreeWidgetItem(list, {QString::number(clients[i].id), clients[i].name, clients[i].ipAddress});
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list->setFixedHeight(list->sizeHintForRow(0) * int(std::min<qsizetype>(clients.size(), kListedClients))
                         + list->header()->sizeHint().height() + 2 * list->frameWidth() + 2);
    layout->addWidget(list);
    if (clients.size() > kListedClients) {
        auto *more = new QLabel(tr("and %n more", nullptr, int(clients.size() - kListedClients)));
        more->setObjectName(u"andMore"_qs);
        layout->addWidget(more);
    }

    m_force = new QCheckBox(tr("&Force"));
    m_force->setChecked(force);
    layout->addWidget(m_force);

    auto *explanationRow = new QHBoxLayout;
    m_warningIcon = new QLabel;
    m_warningIcon->setObjectName(u"warningIcon"_qs);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    m_warningIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    m_warningIcon->setAlignment(Qt::AlignTop);
    m_explanation = new QLabel;
    m_explanation->setObjectName(u"explanation"_qs);
    m_explanation->setWordWrap(true);
    m_explanation->setMinimumWidth(380);
    explanationRow->addWidget(m_warningIcon);
    explanationRow->addWidget(m_explanation, 1);
    layout->addLayout(explanationRow);

    auto *buttons = new QDialogButtonBox;
    m_ok = buttons->addButton(QDialogButtonBox::Ok);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    // Enter confirms even while Cancel has the focus: only OK is a default button.
    m_ok->setDefault(true);
    m_cancel->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_force, &QCheckBox::toggled, this, &DisconnectDialog::updateForForce);
    updateForForce();
    setTabOrder(m_force, m_ok);
    setTabOrder(m_ok, m_cancel);
    m_cancel->setFocus();
}

bool DisconnectDialog::force() const
{
    return m_force->isChecked();
}

void DisconnectDialog::updateForForce()
{
    const bool force = m_force->isChecked();
    m_warningIcon->setVisible(force);
    if (force) {
        m_explanation->setText(
            tr("<b>Warning:</b> the installation stops at once, with no fallback. The computers may be left "
               "unusable until they are installed again."));
        m_explanation->setStyleSheet(u"color: #a00000;"_qs);
        m_ok->setText(tr("Force disconnect"));
    } else {
        m_explanation->setText(
            tr("Clients that support fallback continue by unicast from the server and finish their transfer. "
               "Clients that do not support it fail."));
        m_explanation->setStyleSheet({});
        m_ok->setText(tr("Disconnect"));
    }
}

} // namespace deploycast
