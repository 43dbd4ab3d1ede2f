// ResolvedDocument -> pages of positioned text and paths: header, type name and subject,
// "Kính gửi:", body (Knuth-Plass justified paragraphs, lists, tables), signature and
// recipients, paginated without widows, orphans or a lone signature. Pure: no I/O.
#pragma once

#include "font/font_set.h"
#include "model/page.h"
#include "profile/resolved_document.h"

namespace vanban {

// The geometry of every chart of `doc` (ResolvedDocument::charts) for its profile's page: the
// measuring step the render engine runs before both writers.
std::vector<ChartGeometry> measure_charts(const ResolvedDocument& doc, const FontSet& fonts);
// The size and column widths of every table of `doc` (ResolvedDocument::tables), as the charts'.
std::vector<TableMeasure> measure_tables(const ResolvedDocument& doc, const FontSet& fonts);

// Uses doc.charts and doc.tables when measured, else measures them itself.
Pages layout_document(const ResolvedDocument& doc, const FontSet& fonts);

}  // namespace vanban
