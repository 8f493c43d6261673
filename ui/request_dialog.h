// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QBoxLayout;
class QDialogButtonBox;
class QLabel;

namespace deploycast {

// A dialog whose OK sends a request and waits for the server: it stays
// open, with everything typed, until the owner says it was done (then it
// closes) or refused (then the reason shows inside it and the admin can
// correct the form).
class RequestDialog : public QDialog
{
    Q_OBJECT
public:
    using QDialog::QDialog;

    // The server refused: say why, here, and let the admin try again.
    void showRefusal(const QString &message);
    // The server did it: close.
    void finishRequest();
    QString refusal() const;

Q_SIGNALS:
    // OK was pressed: send the request.
    void submitted();

protected:
    // The refusal line and the OK/Cancel buttons, at the end of `layout`.
    QDialogButtonBox *addRequestButtons(QBoxLayout *layout, const QString &okText = {});
    void setSubmittable(bool submittable);

private:
    void submit();

    QLabel *m_refusal = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_submittable = true;
    bool m_waiting = false;
};

} // namespace deploycast
