#ifndef GONGKAI_CPOPPLER_SHIM_H
#define GONGKAI_CPOPPLER_SHIM_H

// Debian's libpoppler-glib-dev: poppler's C API. Only GongkaiPDF imports
// this module; no C type escapes its public API.
#include <poppler.h>

#endif
