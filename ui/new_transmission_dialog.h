// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/catalog_image.h"
#include "domain/session_request.h"

#include "request_dialog.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QSpinBox;

namespace deploycast {

// Asks for what /New-MulticastTransmission takes: name, image (one of the
// server's catalog images that has no transmission yet, or a path typed in
// the image store), AutoCast or ScheduledCast, and for ScheduledCast a start
// time and/or a client count. It stays open, as typed, if the server refuses.
class NewTransmissionDialog : public RequestDialog
{
    Q_OBJECT
public:
    // images: the catalog images offered.
    explicit NewTransmissionDialog(const QList<CatalogImage> &images, QWidget *parent = nullptr);

    // The transmission the admin asked for.
    SessionRequest request() const;

private:
    void updateState();

    QLineEdit *m_name;
    QComboBox *m_image; // editable: a catalog image, or a store path typed in
    QList<CatalogImage> m_images;
    QComboBox *m_type;
    QCheckBox *m_useTime;
    QDateTimeEdit *m_time;
    QSpinBox *m_clients;
    QLineEdit *m_description;
};

} // namespace deploycast
