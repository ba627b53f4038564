#ifndef GONGKAI_CXLSXWRITER_SHIM_H
#define GONGKAI_CXLSXWRITER_SHIM_H

// Only GongkaiXLSX imports this module; no C type escapes its public API.
#include <xlsxwriter.h>
// zlib (libxlsxwriter's own dependency): the workbook reader inflates parts
// itself, with bounds, because ZIPFoundation's Linux inflate loops for ever
// on a deflate stream cut short by the end of the file.
#include <zlib.h>

#endif
