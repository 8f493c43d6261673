// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslConfiguration>

namespace deploycast {

// The TLS every Deploycast connection speaks, server and clients alike:
// TLS 1.2 or newer, and under TLS 1.2 only forward-secret AEAD suites
// (ECDHE with AES-GCM or ChaCha20-Poly1305); CBC suites, with their long
// history of padding-oracle attacks, are not offered. TLS 1.3's suites are
// all AEAD.
void applyTlsPolicy(QSslConfiguration *configuration);

} // namespace deploycast
