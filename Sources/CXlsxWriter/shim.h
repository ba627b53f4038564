#ifndef GONGKAI_CXLSXWRITER_SHIM_H
#define GONGKAI_CXLSXWRITER_SHIM_H

// Only GongkaiXLSX imports this module; no C type escapes its public API.
#include <xlsxwriter.h>

#endif
