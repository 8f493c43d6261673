#pragma once

namespace deploycast {

// The same pixels on every machine, for screenshot baselines: Fusion with
// its standard palette, one font (DejaVu Sans from fonts-dejavu-core), no
// animations, and a cursor that does not blink. Call after QApplication
// exists and before any widget is created.
void applyDeterministicLook();

} // namespace deploycast
