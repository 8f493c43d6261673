// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QFileDevice>
#include <QString>

namespace deploycast {

// Secrets (keys, tokens, the audit log) are for their owner only: 0600.
inline constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
// And the folders that hold them: 0700, whatever the umask.
inline constexpr QFileDevice::Permissions kOwnerOnlyFolder = kOwnerOnly | QFileDevice::ExeOwner;

// Creates the folder (and its parents) if needed and makes it 0700.
bool makeOwnerOnlyFolder(const QString &path, Error *error);

// Writes a file whole or not at all (QSaveFile: a crash leaves the old
// content), with these permissions from the start.
bool writeFileAtomically(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions,
                         Error *error);

} // namespace deploycast
