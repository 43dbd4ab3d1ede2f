#include "profile/letter_case.h"

#include "text/vietnamese_case.h"

namespace vanban {

std::string apply_case(std::string_view text, LetterCase letter_case) {
  switch (letter_case) {
    case LetterCase::Upper: return text::to_upper(text);
    case LetterCase::CapitalizeFirst: return text::capitalize_first(text);
    case LetterCase::AsWritten: break;
  }
  return std::string(text);
}

}  // namespace vanban
