#pragma once

#include <QDialog>
#include <QList>

class QCheckBox;
class QLabel;
class QPushButton;

namespace deploycast {

// One line of the dialog's list.
struct ClientSummary {
    quint32 id = 0;
    QString name;
    QString ipAddress;
};

// Confirms a disconnect of one or many clients. Cancel has the focus, Escape
// cancels and Enter confirms (OK is the default button, Cancel is not
// auto-default). Force (Alt+F) shows a loud warning and renames OK to
// "Force disconnect".
class DisconnectDialog : public QDialog
{
    Q_OBJECT
public:
    DisconnectDialog(const QList<ClientSummary> &clients, bool force, QWidget *parent = nullptr);

    bool force() const;

    static constexpr int kListedClients = 10;

private:
    void updateForForce();

    QCheckBox *m_force;
    QLabel *m_explanation;
    QLabel *m_warningIcon;
    QPushButton *m_ok;
    QPushButton *m_cancel;
};

} // namespace deploycast
