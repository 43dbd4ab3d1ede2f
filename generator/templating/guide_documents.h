// The monthly discussion guides ("Tài liệu sinh hoạt"): one per organisation of a month's
// guidance, as document markup from <templates_dir>/documents/tai-lieu-sinh-hoat.mustache: a
// cover, the contents, the topics addressed to the organisation in file order (with their key
// points, key figures and discussion questions in a box), the news, commemorations and meeting
// days addressed to it, and a page for notes. Each guide uses its organisation's layout family
// (guide_layout), so its typography follows that family's profile.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/guidance.h"

namespace vanban {

struct GeneratedGuide {
  std::string name;  // output base name, flat ASCII: "tai-lieu-sinh-hoat-nong-dan-2026-10"
  Organisation organisation = Organisation::Party;
  std::string markup;  // UTF-8 XML in the document markup
};

// The layout family of an organisation's documents: "dang", "mat-tran", "hoi-nong-dan",
// "hoi-phu-nu", "hoi-cuu-chien-binh", "doan".
const char* guide_layout(Organisation o);

// One guide per organisation of `guidance.organisations`, in that order. No value: the
// template is missing or malformed. Deterministic: the same input gives the same bytes.
Result<std::vector<GeneratedGuide>> generate_guides(const Guidance& guidance,
                                                    const std::string& templates_dir);

}  // namespace vanban
