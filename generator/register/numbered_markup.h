// The number and date of a document's markup, found in its bytes: taken out to hash what the
// document says (its identity's content), filled in to issue it. Editing the bytes rather than
// re-serialising the tree keeps everything else, comments included, as the author wrote it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/civil_date.h"

namespace vanban {

// Byte ranges of the <number> and <date> children of <document>, from '<' to past '>'.
struct MarkupSlots {
  static constexpr std::size_t npos = std::string_view::npos;
  std::size_t number_begin = npos, number_end = npos;  // npos: a draft without a number
  std::size_t date_begin = npos, date_end = npos;
  std::size_t issuer_end = npos;  // past </issuer>: where a missing <number> goes
  // '<' of <unnumbered/> or <external-signing/>: a document numbered by no register of vanban's.
  std::size_t outside_series = npos;
};

// For markup the reader has accepted (well-formed, valid): nullopt if <issuer> or <date> is
// missing, which validation rules out.
std::optional<MarkupSlots> find_markup_slots(std::string_view markup);

// The markup without its number and date elements and the white space before each, so that
// adding a <number> line or changing the date leaves it the same.
std::string markup_without_slots(std::string_view markup, const MarkupSlots& slots);

// The markup with <number>number</number> (after </issuer> when it had none) and the date.
std::string markup_with_number(std::string_view markup, const MarkupSlots& slots, int number, const CivilDate& date);

}  // namespace vanban
