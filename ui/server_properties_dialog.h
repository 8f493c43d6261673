// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCborMap>
#include "request_dialog.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace deploycast {

// A server's property sheet, in tabs: General (its configuration,
// read-only), Multicast (the range, ports and network profile of new
// transmissions, as /Set-TransportServer), Slow Clients (WDS's multicast
// session policy) and Access (the role this console holds, and a way to
// present another token, e.g. to go from viewer to admin).
class ServerPropertiesDialog : public RequestDialog
{
    Q_OBJECT
public:
    // config: the getServer reply's "server" map; role: what this console holds.
    ServerPropertiesDialog(const QCborMap &config, const QString &role, QWidget *parent = nullptr);

Q_SIGNALS:
    // The admin wants to present another token.
    void changeTokenRequested();

public:

    // The setPolicy request's parameters (docs/protocol.md).
    QCborMap policyRequest() const;
    // The setTransport request's parameters.
    QCborMap transportRequest() const;

private:
    QWidget *generalTab(const QCborMap &config);
    QWidget *multicastTab(const QCborMap &config);
    QWidget *slowClientsTab(const QCborMap &config);
    QWidget *accessTab(const QString &role);
    void updateState();

    QLineEdit *m_firstGroup;
    QLineEdit *m_lastGroup;
    QLineEdit *m_firstGroupV6;
    QLineEdit *m_lastGroupV6;
    QSpinBox *m_firstPort;
    QSpinBox *m_lastPort;
    QComboBox *m_profile;
    QLabel *m_transportProblem;
    QComboBox *m_policy;
    QSpinBox *m_threshold;
    QComboBox *m_streamCount;
    QCheckBox *m_fallback;
};

} // namespace deploycast
