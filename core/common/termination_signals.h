#pragma once

namespace deploycast {

// Turns SIGINT and SIGTERM into QCoreApplication::quit(), so the event loop
// unwinds and destructors run (a receiver removes its temporary file, the
// server closes its sockets). Call once, after the application exists.
void quitOnTerminationSignals();

} // namespace deploycast
