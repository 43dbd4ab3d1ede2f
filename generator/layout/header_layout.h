// The parts of an official document that are not body text, each as one fragment of the text
// column's width: the page-1 header (issuer column and title column), the centred type name and
// subject, the "Kính gửi:" block, and the closing (signature beside "Nơi nhận:").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "font/font_set.h"
#include "layout/fragment.h"
#include "model/diagnostic.h"
#include "profile/resolved_document.h"

namespace vanban {

// The page-1 header: each element in balanced lines inside its column, the columns at least
// 2 mm apart, no line split inside a kept phrase.
Fragment layout_header(const ResolvedDocument& doc, const FontSet& fonts, double width);
// The issuer lines a header printed (parent body, then issuer; full or abbreviated) and the
// lines it broke each into.
struct PrintedIssuer {
  std::vector<StyledText> lines;
  std::vector<std::vector<std::string>> breaks;
};

// The header laid out at the profile's text width, as layout_header lays it out, with one error,
// naming the profile and the line, for every header line that cannot fit its column even when
// wrapped between phrases: such a document is rejected. A document that passes keeps the
// fragment (ResolvedDocument::header), so its header is laid out once, and the issuer lines it
// printed, full or abbreviated (ResolvedDocument::issuer_abbreviated), and where it broke them,
// for the HTML page to print the same. No fragment for a cover.
struct CheckedHeader {
  std::shared_ptr<const Fragment> fragment;
  Diagnostics problems;
  PrintedIssuer issuer;
};
CheckedHeader check_header(const ResolvedDocument& doc, const FontSet& fonts);
// Type name, subject and the short rule under it; empty (height 0) for a công văn.
Fragment layout_title_block(const ResolvedDocument& doc, const FontSet& fonts, double width);
// "Kính gửi:" and its addressees, the block centred; empty when there are none.
Fragment layout_address_block(const ResolvedDocument& doc, const FontSet& fonts, double width);
// Signature block in the right half, "Nơi nhận:" and its list in the left half, tops level.
Fragment layout_closing(const ResolvedDocument& doc, const FontSet& fonts, double width);

// A stroked "}" from y0 to y1 with its tip at x + width, for recipients sharing a purpose.
PathItem make_brace(double x, double y0, double y1, double width);

}  // namespace vanban
