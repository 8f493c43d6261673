// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace deploycast {

// Raises this process's soft limit on open files to the hard limit, since a
// server (or a load generator) with thousands of clients needs one
// descriptor per connection and the usual soft limit is 1,024. Returns the
// limit now in force.
long raiseOpenFileLimit();

} // namespace deploycast
