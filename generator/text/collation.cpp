#include "text/collation.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "text/icu_status.h"

namespace vanban::text {

namespace {

// Opening the "vi" tailoring is costly; each thread clones one prototype and keeps it.
const icu::Collator& thread_collator() {
  static const std::unique_ptr<const icu::Collator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
    check_icu(status, "vi Collator");
    return std::unique_ptr<const icu::Collator>(std::move(c));
  }();
  thread_local const std::unique_ptr<const icu::Collator> mine(prototype->clone());
  return *mine;
}

icu::StringPiece piece(const std::string& s) {
  return icu::StringPiece(s.data(), static_cast<int32_t>(s.size()));
}

}  // namespace

int compare_vietnamese(const std::string& a, const std::string& b) {
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult r = thread_collator().compareUTF8(piece(a), piece(b), status);
  check_icu(status, "collation");
  return static_cast<int>(r);
}

std::string vietnamese_sort_key(const std::string& s) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(piece(s));
  std::string key(64, '\0');
  for (;;) {
    const int32_t size = thread_collator().getSortKey(text, reinterpret_cast<uint8_t*>(key.data()),
                                                      static_cast<int32_t>(key.size()));
    if (size <= static_cast<int32_t>(key.size())) {
      key.resize(size > 0 ? static_cast<std::size_t>(size - 1) : 0);
      return key;
    }
    key.resize(static_cast<std::size_t>(size));
  }
}

void sort_vietnamese(std::vector<std::string>& items) {
  // Byte order breaks collation ties (canonically equivalent spellings), so the result does not
  // depend on the input order.
  std::sort(items.begin(), items.end(), [](const std::string& a, const std::string& b) {
    const int c = compare_vietnamese(a, b);
    return c != 0 ? c < 0 : a < b;
  });
}

}  // namespace vanban::text
