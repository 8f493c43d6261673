#pragma once

namespace deploycast {

// Installs the embedded translations on the running application. English
// needs one too: it supplies the plural forms ("1 client", "2 clients") that
// tr("%n client(s)") leaves to a translator.
void installTranslations();

} // namespace deploycast
