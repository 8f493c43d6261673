// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

class QCheckBox;
class QLabel;
class QPushButton;

namespace deploycast {

// One client of the dialog's list, with where it is.
struct ClientSummary {
    QString server;       // "host:port"
    QString transmission; // its transmission or namespace; empty for unicast fallback
    quint32 id = 0;
    QString name;
    QString ipAddress;
    bool fallbackSupported = true;
};

// Confirms a disconnect of one or many clients, listed by server and
// transmission, with those that cannot fall back marked.
//
// Enter confirms only the safe, common case: no Force, and every client in
// one transmission of one server (the three-key bulk flow: Ctrl+A, Delete,
// Enter). With Force, or a selection spanning transmissions or servers,
// Cancel is the default button and has the focus, and the admin presses
// the explicitly labelled button. Focus and default always agree.
class DisconnectDialog : public QDialog
{
    Q_OBJECT
public:
    DisconnectDialog(const QList<ClientSummary> &clients, bool force, QWidget *parent = nullptr);

    bool force() const;
    // Whether Enter confirms now (no Force, one transmission).
    bool enterConfirms() const;
    int groupCount() const { return m_groups; }

private:
    void updateForForce();

    int m_clients = 0;
    int m_groups = 0;
    int m_withoutFallback = 0;
    QCheckBox *m_force;
    QLabel *m_explanation;
    QLabel *m_warningIcon;
    QLabel *m_enterHint;
    QPushButton *m_ok;
    QPushButton *m_cancel;
};

} // namespace deploycast
