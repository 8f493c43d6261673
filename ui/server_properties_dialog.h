#pragma once

#include <QCborMap>
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace deploycast {

// A server's configuration (read-only), and what the admin may change: its
// transport settings (the multicast range, ports and network profile, as
// /Set-TransportServer) and its slow-client policy (WDS's multicast session
// policy).
class ServerPropertiesDialog : public QDialog
{
    Q_OBJECT
public:
    // config: the getServer reply's "server" map.
    explicit ServerPropertiesDialog(const QCborMap &config, QWidget *parent = nullptr);

    // The setPolicy request's parameters (docs/protocol.md).
    QCborMap policyRequest() const;
    // The setTransport request's parameters.
    QCborMap transportRequest() const;

private:
    void updateState();

    QLineEdit *m_firstGroup;
    QLineEdit *m_lastGroup;
    QLineEdit *m_firstGroupV6;
    QLineEdit *m_lastGroupV6;
    QSpinBox *m_firstPort;
    QSpinBox *m_lastPort;
    QComboBox *m_profile;
    QLabel *m_transportProblem;
    QDialogButtonBox *m_buttons;
    QComboBox *m_policy;
    QSpinBox *m_threshold;
    QComboBox *m_streamCount;
    QCheckBox *m_fallback;
};

} // namespace deploycast
