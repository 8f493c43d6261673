// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCborMap>
#include <QDialog>

namespace deploycast {

// A transmission's or namespace's property sheet (read-only: WDS fixes a
// transmission's settings when it is created): name, description, image,
// type and schedule, start-at-clients, join token, state and address.
// The token is hidden until the admin asks to see it; viewers are told
// one is needed without seeing it.
class TransmissionPropertiesDialog : public QDialog
{
    Q_OBJECT
public:
    // session: the getSession reply's "session" map (with the token for admins).
    explicit TransmissionPropertiesDialog(const QCborMap &session, QWidget *parent = nullptr);
};

} // namespace deploycast
