// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace deploycast {

// What one receiver may ask of its stream's sender (MulticastSender keeps it
// up to date; the receiver's connection owns it):
// - a NAK counts only for blocks that went by since it arrived on the stream:
//   the rest were never sent to it, so it cannot have lost them. (It is not
//   dropped for naming them: forged datagrams can make an honest receiver
//   believe the carousel is further on than it is.)
// - repairs come out of a budget that grows with what the stream sends, so
//   one receiver's claims cost the others a bounded share of the stream;
// - its loss is measured on its own, so the rate control can tell one
//   receiver's trouble from the stream's.
struct RepairAccount {
    std::uint64_t carouselAtArrival = 0; // the stream's carousel blocks sent when it joined or was moved there
    std::uint64_t carouselAtLastNak = 0; // the stream's carousel blocks sent at its last loss NAK
    std::uint64_t sentAtRefill = 0;      // the stream's blocks sent when its budget was last topped up
    double tokens = 0;                   // blocks of repair it may still ask for
    bool catchUpAllowed = false;         // just moved: one catch-up NAK of everything it lacks
};

} // namespace deploycast
