// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace deploycast {

// What the exit code says after SIGINT or SIGTERM.
enum class SignalExit {
    Success,    // a daemon stopped as asked: 0 (deploycastd)
    SignalCode, // 128 + the signal, as a shell reports an interrupted command: 130, 143
};

// Turns SIGINT and SIGTERM into QCoreApplication::exit(), so the event loop
// unwinds and destructors run (a receiver removes its temporary file, the
// server closes its sockets). Also ignores SIGPIPE: a write to a peer that
// has gone fails with EPIPE instead of ending the process. Call once, after
// the application exists.
void quitOnTerminationSignals(SignalExit exit);

// The signal that ended the event loop, or 0.
int terminationSignal();

} // namespace deploycast
