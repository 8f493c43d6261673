#pragma once

#include "error.h"

#include <QByteArray>
#include <QFileDevice>
#include <QString>

namespace deploycast {

// Secrets (keys, tokens, the audit log) are for their owner only: 0600.
inline constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// Writes a file whole or not at all (QSaveFile: a crash leaves the old
// content), with these permissions from the start.
bool writeFileAtomically(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions,
                         Error *error);

} // namespace deploycast
