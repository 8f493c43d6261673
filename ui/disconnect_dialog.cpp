// SPDX-License-Identifier: GPL-3.0-or-later
#include "disconnect_dialog.h"

#include "palette_colors.h"
#include "themed_icon.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace deploycast {
namespace {
constexpr int kVisibleRows = 12; // the list scrolls beyond this

// The clients by server, then transmission, in the order given.
std::map<std::pair<QString, QString>, QList<ClientSummary>> grouped(const QList<ClientSummary> &clients)
{
    std::map<std::pair<QString, QString>, QList<ClientSummary>> groups;
    for (const ClientSummary &client : clients)
        groups[{client.server, client.transmission}].append(client);
    return groups;
}
} // namespace

DisconnectDialog::DisconnectDialog(const QList<ClientSummary> &clients, bool force, QWidget *parent)
    : QDialog(parent)
    , m_clients(int(clients.size()))
{
    setWindowTitle(tr("Disconnect Clients"));
    auto *layout = new QVBoxLayout(this);
    const auto groups = grouped(clients);
    m_groups = int(groups.size());
    for (const ClientSummary &client : clients)
        m_withoutFallback += !client.fallbackSupported;

    auto *question = new QLabel(m_groups > 1 ? tr("Disconnect %n client(s) in %1 transmissions?", nullptr, m_clients).arg(m_groups)
                                             : tr("Disconnect %n client(s)?", nullptr, m_clients));
    QFont bold = question->font();
    bold.setBold(true);
    question->setFont(bold);
    question->setObjectName(u"question"_qs);
    layout->addWidget(question);

    auto *list = new QTreeWidget;
    list->setObjectName(u"clientList"_qs);
    list->setHeaderLabels({tr("Client"), tr("IP address"), tr("Fallback")});
    list->setFocusPolicy(Qt::NoFocus); // the keyboard goes Force -> buttons
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setUniformRowHeights(true);
    const QIcon warning = themedIcon(u"dialog-warning"_qs);
    const QFontMetrics boldMetrics(bold);
    int widestGroup = 0;
    for (const auto &[where, members] : groups) {
        const QString place = where.second.isEmpty() ? tr("%1 — unicast fallback").arg(where.first)
                                                     : tr("%1 — %2").arg(where.first, where.second);
        auto *group = new QTreeWidgetItem(list, {tr("%1 (%n client(s))", nullptr, int(members.size())).arg(place)});
        group->setFirstColumnSpanned(true);
        group->setFont(0, bold);
        widestGroup = std::max(widestGroup, boldMetrics.horizontalAdvance(group->text(0)));
        for (const ClientSummary &client : members) {
            auto *item = new QTreeWidgetItem(group, {tr("%1  %2").arg(client.id).arg(client.name), client.ipAddress,
                                                     client.fallbackSupported ? tr("yes") : tr("no — it fails")});
            if (!client.fallbackSupported) {
                item->setIcon(2, warning);
                item->setFont(2, bold);
            }
        }
    }
    list->expandAll();
    list->header()->setStretchLastSection(false);
    for (int column = 0; column < list->columnCount(); ++column)
        list->resizeColumnToContents(column);
    // The first column holds the groups' titles too: wide enough for them whole.
    list->setColumnWidth(0, std::max(list->columnWidth(0), widestGroup + list->indentation() + 24));
    int width = 2 * list->frameWidth() + 4;
    for (int column = 0; column < list->columnCount(); ++column)
        width += list->columnWidth(column);
    list->setMinimumWidth(width);
    const int rows = std::min(kVisibleRows, m_clients + m_groups);
    list->setFixedHeight(list->sizeHintForRow(0) * rows + list->header()->sizeHint().height() + 2 * list->frameWidth() + 2);
    layout->addWidget(list);
    if (m_withoutFallback > 0) {
        auto *noFallback = new QLabel(tr("%n of them cannot fall back and will fail.", nullptr, m_withoutFallback));
        noFallback->setObjectName(u"noFallback"_qs);
        layout->addWidget(noFallback);
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
    m_explanation->setMinimumWidth(fontMetrics().averageCharWidth() * 56);
    explanationRow->addWidget(m_warningIcon);
    explanationRow->addWidget(m_explanation, 1);
    layout->addLayout(explanationRow);

    m_enterHint = new QLabel;
    m_enterHint->setObjectName(u"enterHint"_qs);
    m_enterHint->setWordWrap(true);
    layout->addWidget(m_enterHint);

    auto *buttons = new QDialogButtonBox;
    m_ok = buttons->addButton(QDialogButtonBox::Ok);
    m_ok->setObjectName(u"confirm"_qs);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_force, &QCheckBox::toggled, this, &DisconnectDialog::updateForForce);
    setTabOrder(m_force, m_ok);
    setTabOrder(m_ok, m_cancel);
    updateForForce();
}

bool DisconnectDialog::force() const
{
    return m_force->isChecked();
}

bool DisconnectDialog::enterConfirms() const
{
    return !force() && m_groups == 1;
}

void DisconnectDialog::updateForForce()
{
    const bool force = m_force->isChecked();
    m_warningIcon->setVisible(force);
    QPalette palette = this->palette();
    if (force) {
        m_explanation->setText(
            tr("<b>Warning:</b> the installation stops at once, with no fallback. The computers may be left "
               "unusable until they are installed again."));
        palette.setColor(QPalette::WindowText, warningTextColor(palette));
        m_ok->setText(tr("Force disconnect %n client(s)", nullptr, m_clients));
    } else {
        m_explanation->setText(
            tr("Clients that support fallback continue by unicast from the server and finish their transfer. "
               "Clients that do not support it fail."));
        m_ok->setText(m_groups > 1 ? tr("Disconnect %n client(s)", nullptr, m_clients) : tr("Disconnect"));
    }
    m_explanation->setPalette(palette);

    // The default button has the focus. Both buttons stay auto-default, so
    // Enter on a button the admin tabbed to presses that button, never the other.
    const bool safe = enterConfirms();
    QPushButton *enterPresses = safe ? m_ok : m_cancel;
    (safe ? m_cancel : m_ok)->setDefault(false);
    m_ok->setAutoDefault(true);
    m_cancel->setAutoDefault(true);
    enterPresses->setDefault(true);
    enterPresses->setFocus();
    m_enterHint->setVisible(!safe);
    m_enterHint->setText(force ? tr("Enter does not confirm a Force disconnect: press “%1”.").arg(m_ok->text().remove(u'&'))
                               : tr("These clients are in %1 transmissions, so Enter does not confirm: press “%2”.")
                                     .arg(m_groups).arg(m_ok->text().remove(u'&')));
}

} // namespace deploycast
