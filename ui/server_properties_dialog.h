#pragma once

#include <QCborMap>
#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace deploycast {

// A server's configuration (read-only) and its slow-client policy (WDS's
// multicast session policy), which the admin may change.
class ServerPropertiesDialog : public QDialog
{
    Q_OBJECT
public:
    // config: the getServer reply's "server" map.
    explicit ServerPropertiesDialog(const QCborMap &config, QWidget *parent = nullptr);

    // The setPolicy request's parameters (docs/protocol.md).
    QCborMap policyRequest() const;

private:
    void updateState();

    QComboBox *m_policy;
    QSpinBox *m_threshold;
    QComboBox *m_streamCount;
    QCheckBox *m_fallback;
};

} // namespace deploycast
