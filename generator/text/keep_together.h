// What must not be split across lines: names ("Hồ Chí Minh", "Việt Nam", "Thị ủy", the issuer's
// name), a number and the word it counts ("6 tháng"), a label and its number ("ngày 17",
// "Số 65-BC/CCB"), so dates hold together. Names are data (templates/phrases/keep-together.txt,
// the profile's title lines, the document's own names); numbers and dates are rules.
// Matching is by whole words, case-insensitive (simple case folding of NFC text), so a phrase
// written "Hội Liên hiệp Phụ nữ Việt Nam" also holds "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM".
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vanban::text {

// Hard: never split in short, ragged measure, avoided in justified text. Soft: kept whole
// where it fits, split at its inner phrase boundaries where it does not (a long name).
enum class Bond { Soft, Hard };

// Byte range [begin, end) of a text that should stay on one line: a break between two of its
// words is inside it.
struct KeptSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  Bond bond = Bond::Hard;
};

// Characters of fixed width that layout leaves blank and never breaks at: the draft number's
// blank ("Số      -BC/HPN") is made of them. Width in em.
double fixed_space_width(char32_t cp);  // 0 when `cp` is not one

class KeepTogether {
 public:
  KeepTogether() = default;
  // Starts from the phrases of `shared` without copying them: a document's names on top of the
  // list and title lines its profile shares with every other document (profile/profile_phrases.h).
  // `shared` is not changed afterwards (spans() remembers what its phrases find in a text).
  explicit KeepTogether(std::shared_ptr<const KeepTogether> shared);

  // A phrase of several words; one word or an empty phrase is ignored.
  void add_phrase(std::string_view phrase, Bond bond = Bond::Hard);
  // A name from the profile or the document ("Hội Cựu chiến binh tỉnh Vĩnh Giang"): the whole
  // name soft, and what the rules find in it (proper names such as "Vĩnh Giang" hard, a place
  // with its level word, "tỉnh Vĩnh Giang", soft), so they hold in upper case too.
  void add_name(std::string_view name);

  // Every span of `utf8` (NFC) to keep on one line: phrase matches and rule matches, in no
  // particular order; spans may overlap.
  std::vector<KeptSpan> spans(std::string_view utf8) const;

 private:
  struct Phrase {
    std::vector<std::string> words;  // case-folded UTF-8
    Bond bond;
  };
  struct IdentityHash {
    std::size_t operator()(std::size_t hash) const { return hash; }
  };
  struct Layer {
    std::vector<Phrase> phrases;
    // By the hash of their first word (word_hash in keep_together.cpp), which each word of a
    // text has once, however many layers look it up; a phrase found is compared word by word.
    std::unordered_map<std::size_t, std::vector<std::size_t>, IdentityHash> by_first_word;
  };

  struct Reading;  // what a text and the shared phrases give (keep_together.cpp)
  Reading& read(std::string_view utf8) const;
  void add_words(std::vector<std::string> words, Bond bond);  // folded words; fewer than two: none

  // The shared phrases first, then this object's own: the order they were added in.
  template <class F>
  void for_each_layer(F&& f) const {
    if (shared_) shared_->for_each_layer(f);
    f(own_);
  }

  std::shared_ptr<const KeepTogether> shared_;
  Layer own_;
  // Renewed whenever a phrase is added: equal serials, equal phrases (a copy shares its source's
  // until either changes), so it names the shared phrases in the memo of spans().
  std::uint64_t serial_ = 0;
};

}  // namespace vanban::text
