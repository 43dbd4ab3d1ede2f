// Numbering one document through the register (register/register.h), shared by `vanban issue`
// and `vanban build`: every check of rendering first, so that nothing is numbered that could not
// be rendered, then the next number of the issuer's series and the issue date, written into the
// markup. An identity issued before with the same content gets its number and date back. A
// document outside every series (<unnumbered/>, <external-signing>) is refused: its number is
// nobody's (a cadre's own report) or the signing tool's.
#pragma once

#include <optional>
#include <string>

#include "model/civil_date.h"
#include "model/diagnostic.h"
#include "register/register.h"
#include "render/engine.h"

namespace vanban {

struct IssueSettings {
  std::optional<CivilDate> date;  // the issue date of new numbers; unset: the document's <date>
  bool reissue = false;           // accept changed content under the number already issued
};

struct IssuedMarkup {
  std::string markup;  // with <number> and <date> filled in
  IssuedNumber issued;
};

// `key` identifies the document within its issuer and type (the output name); messages name
// `source`. Must run on one thread at a time per register.
Result<IssuedMarkup> issue_markup(const Engine& engine, Register& reg, const std::string& markup,
                                  const std::string& source, const std::string& key, const IssueSettings& settings);

// "Số: 01/UBND-VX" -> "01/UBND-VX": the register's column holds the number and symbol alone.
std::string number_without_label(std::string printed);

}  // namespace vanban
