#pragma once

#include "domain/session_request.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace deploycast {

// Asks for what /New-MulticastTransmission takes: name, image, AutoCast or
// ScheduledCast, and for ScheduledCast a start time and/or a client count.
class NewTransmissionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewTransmissionDialog(QWidget *parent = nullptr);

    // The transmission the admin asked for.
    SessionRequest request() const;

private:
    void updateState();

    QLineEdit *m_name;
    QLineEdit *m_image;
    QComboBox *m_type;
    QCheckBox *m_useTime;
    QDateTimeEdit *m_time;
    QSpinBox *m_clients;
    QLineEdit *m_description;
    QDialogButtonBox *m_buttons;
};

} // namespace deploycast
