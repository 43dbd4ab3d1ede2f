#include "text/keep_together.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <vector>

#include "text/text_memo.h"

namespace vanban::text {

namespace {

// The words the rules look for. Each token's is found once, when it is read (Token::word), so
// that the rules, asked again and again of each token, compare small numbers, not strings.
constexpr std::array<std::string_view, 35> kKnownWords = {
    // labels that announce a number: "ngày 17", "tháng 10", "năm 2026", "Số 65-BC/CCB", "Điều 5"
    "ngày", "tháng", "năm", "quý", "số", "khóa", "điều", "khoản", "điểm", "mục", "chương", "phần", "lần", "kỳ",
    "đợt", "tuần",
    // administrative levels of one word
    "tỉnh", "huyện", "quận", "xã", "phường", "ấp", "khóm", "thôn", "bản", "làng",
    // the words of levels of two or three ("thành phố", "tổ dân phố")
    "tổ", "dân", "phố", "khu", "cư", "thành", "thị", "trấn", "đặc"};
constexpr std::uint8_t kOtherWord = 0xFF;

constexpr std::size_t kLongestKnownWord = 9;  // bytes: "phường"

// The places in kKnownWords of the words of each length in bytes, ended by kOtherWord: every
// token is looked up, and most are other words of 1 to 9 bytes, so a token is compared only
// with the few known words of its own length.
constexpr auto kKnownByLength = [] {
  std::array<std::array<std::uint8_t, kKnownWords.size() + 1>, kLongestKnownWord + 1> by_length{};
  for (auto& places : by_length) places.fill(kOtherWord);
  std::array<std::size_t, kLongestKnownWord + 1> count{};
  for (std::size_t i = 0; i < kKnownWords.size(); ++i) {
    const std::size_t n = kKnownWords[i].size();
    if (n > kLongestKnownWord) throw "kLongestKnownWord is too small";
    by_length[n][count[n]++] = static_cast<std::uint8_t>(i);
  }
  return by_length;
}();

// A word's place in kKnownWords, or kOtherWord.
constexpr std::uint8_t known_word(std::string_view core) {
  if (core.size() > kLongestKnownWord) return kOtherWord;
  for (const std::uint8_t i : kKnownByLength[core.size()]) {
    if (i == kOtherWord) break;
    // Byte by byte: for words this short a call to memcmp costs more than the comparison.
    const std::string_view known = kKnownWords[i];
    std::size_t k = 0;
    while (k < known.size() && known[k] == core[k]) ++k;
    if (k == known.size()) return i;
  }
  return kOtherWord;
}

// The place of a word the rules name; one not in the list does not compile.
consteval std::uint8_t known(std::string_view word) {
  const std::uint8_t i = known_word(word);
  if (i == kOtherWord) throw "not in kKnownWords";
  return i;
}

// Where the labels and the one-word levels end in kKnownWords.
constexpr std::uint8_t kLabelsEnd = known("tỉnh"), kLevelsEnd = known("tổ");

// A space-separated word of the text, as layout breaks lines only at spaces.
struct Token {
  std::size_t begin = 0, end = 0;  // bytes, the whole token
  std::string core;                // case-folded UTF-8, without leading and trailing punctuation
  char32_t first = 0;              // first code point of the token as written
  bool leading_punct = false;
  bool trailing_punct = false;     // ends with punctuation other than "%"
  char32_t last_punct = 0;         // that punctuation
  bool title_case = false;         // "Giang", "Ủy": one capital, then small letters
  bool number = false;             // "6", "2.863", "73,40%", "12/3/2026"
  std::uint8_t word = kOtherWord;  // the core's place in kKnownWords
  std::size_t hash = 0;            // word_hash(core)
};

std::size_t word_hash(std::string_view folded) { return std::hash<std::string_view>{}(folded); }

// The ICU properties tokenizing asks of a code point. Those below kTableEnd (ASCII, the Latin
// blocks of Vietnamese letters, combining marks) come from a table built once from ICU itself,
// so the answers are ICU's; the rest are asked of ICU each time.
struct CodePoint {
  char32_t folded = 0;  // simple case folding
  bool punct = false;   // punctuation other than "%"
  bool digit = false;
  bool upper = false;
  bool lower = false;
  bool alpha = false;
};

CodePoint ask_icu(char32_t c) {
  const auto u = static_cast<UChar32>(c);
  return {static_cast<char32_t>(u_foldCase(u, U_FOLD_CASE_DEFAULT)), c != U'%' && u_ispunct(u) != 0,
          u_isdigit(u) != 0, u_isupper(u) != 0, u_islower(u) != 0, u_isalpha(u) != 0};
}

constexpr char32_t kTableEnd = 0x2000;

// Filled when the program starts (ICU's character properties are compiled into it: nothing to
// load), so that a lookup is an index and inlined, not a call that checks the table was built.
// Constant-initialized, so that a lookup made while other files' statics are initialized is
// well-defined: ICU answers it until `filled`.
struct PropertyTable {
  std::array<CodePoint, kTableEnd> entries{};
  bool filled = false;
};
constinit PropertyTable table;
const bool table_filled = [] {
  for (char32_t k = 0; k < kTableEnd; ++k) table.entries[k] = ask_icu(k);
  return table.filled = true;
}();

CodePoint properties(char32_t c) { return c < kTableEnd && table.filled ? table.entries[c] : ask_icu(c); }

bool is_number(std::u32string_view raw) {
  if (raw.empty() || !properties(raw.front()).digit) return false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char32_t c = raw[i];
    if (properties(c).digit || c == U'.' || c == U',' || c == U'/' || c == U'-') continue;
    if (c == U'%' && i + 1 == raw.size()) continue;
    return false;
  }
  return true;
}

// `raw` and `folded` are scratch space for the token's code points and its folded bytes, reused
// across tokens. The folded core is
// UTF-8 so that a word of up to 15 bytes (nearly every Vietnamese word) needs no allocation.
Token make_token(std::string_view utf8, std::size_t begin, std::size_t end, std::u32string& raw, std::string& folded) {
  Token t;
  t.begin = begin;
  t.end = end;
  raw.clear();
  for (int32_t i = static_cast<int32_t>(begin); i < static_cast<int32_t>(end);) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, static_cast<int32_t>(end), c);
    raw.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  if (raw.empty()) return t;
  t.first = raw.front();
  std::size_t lo = 0, hi = raw.size();
  while (lo < hi && properties(raw[lo]).punct) ++lo;
  while (hi > lo && properties(raw[hi - 1]).punct) --hi;
  t.leading_punct = lo > 0;
  t.trailing_punct = hi < raw.size();
  if (t.trailing_punct) t.last_punct = raw.back();
  const std::u32string_view core = std::u32string_view(raw).substr(lo, hi - lo);
  t.number = is_number(core);
  t.title_case = core.size() >= 2 && properties(core.front()).upper &&
                 std::all_of(core.begin() + 1, core.end(), [](char32_t c) { return properties(c).lower; });
  // Folded into a buffer of the longest it can be, then copied once.
  folded.resize(core.size() * U8_MAX_LENGTH);
  std::int32_t n = 0;
  for (char32_t c : core) U8_APPEND_UNSAFE(folded.data(), n, properties(c).folded);
  t.core.assign(folded.data(), static_cast<std::size_t>(n));
  t.word = known_word(t.core);
  t.hash = word_hash(t.core);
  return t;
}

std::vector<Token> tokenize(std::string_view utf8) {
  std::vector<Token> out;
  out.reserve(static_cast<std::size_t>(std::count(utf8.begin(), utf8.end(), ' ')) + 1);
  std::u32string raw;
  std::string folded;
  std::size_t i = 0;
  while (i < utf8.size()) {
    while (i < utf8.size() && utf8[i] == ' ') ++i;
    const std::size_t begin = i;
    while (i < utf8.size() && utf8[i] != ' ') ++i;
    if (i > begin) out.push_back(make_token(utf8, begin, i, raw, folded));
  }
  return out;
}

// Words that announce a number: "ngày 17", "tháng 10", "năm 2026", "Số 65-BC/CCB", "Điều 5".
bool is_number_label(const Token& t) {
  return (!t.trailing_punct || t.last_punct == U':') && t.word < kLabelsEnd;
}

bool is_roman(const std::string& core) {
  return !core.empty() && std::all_of(core.begin(), core.end(), [](char c) {
    return c == 'i' || c == 'v' || c == 'x' || c == 'l' || c == 'c';
  });
}

// What a number label may announce: a number, a code ("65-BC/CCB"), a date, a Roman numeral, or
// the draft number's blank.
bool is_numbered(const Token& t) {
  return properties(t.first).digit || fixed_space_width(t.first) > 0 ||
         (is_roman(t.core) && !t.leading_punct && properties(t.first).upper);
}

// How many tokens from `i` name an administrative level ("tỉnh", "thành phố", "tổ dân phố"),
// down to the residential units under a commune ("ấp", "khu phố", "khu dân cư").
std::size_t level_words_at(const std::vector<Token>& tokens, std::size_t i) {
  auto word = [&](std::size_t k) { return tokens[i + k].word; };
  auto clean = [&](std::size_t n) {
    for (std::size_t k = 0; k < n; ++k)
      if (tokens[i + k].trailing_punct || (k > 0 && tokens[i + k].leading_punct)) return false;
    return true;
  };
  if (i + 3 < tokens.size() && word(1) == known("dân") && clean(3) &&
      ((word(0) == known("tổ") && word(2) == known("phố")) || (word(0) == known("khu") && word(2) == known("cư"))))
    return 3;
  if (i + 2 < tokens.size() && clean(2) &&
      ((word(0) == known("thành") && word(1) == known("phố")) ||
       (word(0) == known("thị") && (word(1) == known("xã") || word(1) == known("trấn"))) ||
       (word(0) == known("đặc") && word(1) == known("khu")) || (word(0) == known("khu") && word(1) == known("phố"))))
    return 2;
  if (i + 1 < tokens.size() && clean(1) && word(0) >= kLabelsEnd && word(0) < kLevelsEnd) return 1;
  return 0;
}

constexpr std::size_t kLongestName = 5;  // longer runs of capitalised words are title case, not a name

// Tokens [first, last) to keep on one line.
struct TokenSpan {
  std::size_t first = 0, last = 0;
  Bond bond = Bond::Hard;
};

KeptSpan to_bytes(const std::vector<Token>& tokens, const TokenSpan& s) {
  return {tokens[s.first].begin, tokens[s.last - 1].end, s.bond};
}

// Whether the phrase matches cut between tokens k - 1 and k: one of them begins or ends there.
bool phrase_boundary(const std::vector<TokenSpan>& phrases, std::size_t k) {
  return std::any_of(phrases.begin(), phrases.end(), [k](const TokenSpan& p) { return p.first == k || p.last == k; });
}

// The rules: proper names (runs of capitalised words), a place with its level word, a number
// with the word it counts, a label with its number. A run of capitalised words is cut where a
// known phrase begins or ends and before a level word, which starts a new name: "Việt Nam" and
// "Thành phố Hồ Chí Minh" in "Mặt trận Tổ quốc Việt Nam Thành phố Hồ Chí Minh", not "Việt Nam
// Thành".
void rule_spans(const std::vector<Token>& tokens, const std::vector<TokenSpan>& phrases, std::vector<TokenSpan>& out) {
  const std::size_t n = tokens.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const Token& a = tokens[i];
    const Token& b = tokens[i + 1];
    if (a.trailing_punct && !(a.last_punct == U':' && is_number_label(a))) continue;
    if (b.leading_punct && fixed_space_width(b.first) == 0) continue;
    // A year ("năm 2026") counts nothing: the word after it is free.
    const bool year = i > 0 && tokens[i - 1].word == known("năm") && !tokens[i - 1].trailing_punct;
    if (a.number && !year && properties(b.first).alpha) out.push_back({i, i + 2, Bond::Hard});
    if (is_number_label(a) && is_numbered(b)) out.push_back({i, i + 2, Bond::Hard});
  }
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && tokens[j].title_case &&
           (j == i || (!tokens[j - 1].trailing_punct && !tokens[j].leading_punct && !phrase_boundary(phrases, j) &&
                       level_words_at(tokens, j) == 0)))
      ++j;
    if (j == i) {
      ++i;
      continue;
    }
    if (j - i >= 2) out.push_back({i, j, j - i <= kLongestName ? Bond::Hard : Bond::Soft});
    i = j;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t level = level_words_at(tokens, i);
    if (level == 0 || !tokens[i + level].title_case || tokens[i + level].leading_punct) continue;
    std::size_t j = i + level + 1;
    while (j < n && tokens[j].title_case && !tokens[j - 1].trailing_punct && !tokens[j].leading_punct &&
           level_words_at(tokens, j) == 0)
      ++j;
    out.push_back({i, j, Bond::Soft});
  }
}

// Every match of a phrase of `layer` in `tokens`, appended to `found`.
// (Layer is KeepTogether's private member type.)
template <class Layer>
void find_phrases(const std::vector<Token>& tokens, const Layer& layer, std::vector<TokenSpan>& found) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto candidates = layer.by_first_word.find(tokens[i].hash);
    if (candidates == layer.by_first_word.end()) continue;
    for (std::size_t index : candidates->second) {
      const auto& p = layer.phrases[index];
      if (i + p.words.size() > tokens.size()) continue;
      bool match = true;
      for (std::size_t k = 0; k < p.words.size() && match; ++k) {
        const Token& t = tokens[i + k];
        match = t.core == p.words[k] && (k + 1 == p.words.size() || !t.trailing_punct) && (k == 0 || !t.leading_punct);
      }
      if (match) found.push_back({i, i + p.words.size(), p.bond});
    }
  }
}

// Leftmost, then longest, first: a match that begins inside an earlier one and runs past its
// end is no phrase of this text ("Ban Thường trực" in "Phó Trưởng ban Thường trực", whose
// "ban" belongs to "Phó Trưởng ban").
std::vector<TokenSpan> leftmost_longest(std::vector<TokenSpan> found) {
  std::sort(found.begin(), found.end(), [](const TokenSpan& a, const TokenSpan& b) {
    return a.first != b.first ? a.first < b.first : a.last > b.last;
  });
  std::vector<TokenSpan> kept;
  for (const TokenSpan& c : found) {
    const bool crosses = std::any_of(kept.begin(), kept.end(), [&c](const TokenSpan& k) {
      return k.first < c.first && c.first < k.last && k.last < c.last;
    });
    if (!crosses) kept.push_back(c);
  }
  return kept;
}

// The spans of a text given every phrase match in it.
std::vector<KeptSpan> kept_spans(const std::vector<Token>& tokens, std::vector<TokenSpan> matches) {
  const std::vector<TokenSpan> phrases = leftmost_longest(std::move(matches));
  std::vector<TokenSpan> rules;
  rule_spans(tokens, phrases, rules);
  std::vector<KeptSpan> out;
  out.reserve(phrases.size() + rules.size());
  for (const TokenSpan& s : phrases) out.push_back(to_bytes(tokens, s));
  for (const TokenSpan& s : rules) out.push_back(to_bytes(tokens, s));
  return out;
}

constexpr std::uint64_t kNoSerial = ~std::uint64_t{0};

constexpr std::size_t kMemoBudget = std::size_t{4} << 20;  // bytes per thread

std::uint64_t next_serial() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

}  // namespace

double fixed_space_width(char32_t cp) {
  switch (cp) {
    case U'\u2002': return 0.5;  // EN SPACE
    case U'\u2003': return 1.0;  // EM SPACE
    default: return 0;
  }
}

// What a text and the shared phrases give, before this object's own phrases are matched.
struct KeepTogether::Reading {
  std::vector<Token> tokens;
  std::vector<TokenSpan> shared_matches;
  std::vector<KeptSpan> spans_without_own;  // the answer when none of the own phrases matches
  // The answer for the last KeepTogether that asked (its serial): a document asks again for
  // the same text within its own pages.
  std::uint64_t own_serial = kNoSerial;
  std::vector<KeptSpan> spans_with_own;

  // Counts the spans twice: those with the own phrases come later, and are about as many.
  static std::size_t bytes(const Reading& r) {
    return r.tokens.size() * sizeof(Token) + r.shared_matches.size() * sizeof(TokenSpan) +
           2 * r.spans_without_own.size() * sizeof(KeptSpan);
  }
};

KeepTogether::KeepTogether(std::shared_ptr<const KeepTogether> shared) : shared_(std::move(shared)) {}

void KeepTogether::add_phrase(std::string_view phrase, Bond bond) {
  std::vector<std::string> words;
  for (Token& t : tokenize(phrase)) words.push_back(std::move(t.core));
  add_words(std::move(words), bond);
}

void KeepTogether::add_words(std::vector<std::string> words, Bond bond) {
  if (words.size() < 2) return;
  own_.by_first_word[word_hash(words.front())].push_back(own_.phrases.size());
  own_.phrases.push_back({std::move(words), bond});
  serial_ = next_serial();
}

void KeepTogether::add_name(std::string_view name) {
  const Reading& reading = read(name);
  const std::vector<Token>& tokens = reading.tokens;
  auto words = [&tokens](std::size_t first, std::size_t last) {
    std::vector<std::string> out;
    for (std::size_t k = first; k < last; ++k) out.push_back(tokens[k].core);
    return out;
  };
  add_words(words(0, tokens.size()), Bond::Soft);
  std::vector<TokenSpan> matches = reading.shared_matches;
  find_phrases(tokens, own_, matches);
  std::vector<TokenSpan> found;
  rule_spans(tokens, leftmost_longest(std::move(matches)), found);
  for (const TokenSpan& s : found) add_words(words(s.first, s.last), s.bond);
}

// The shared phrases are the same in every document of a profile, so what a text and they give
// is memoised; this object's own phrases (a document's names) are matched on top.
KeepTogether::Reading& KeepTogether::read(std::string_view utf8) const {
  std::string key(1, '\0');
  for (const KeepTogether* layer = shared_.get(); layer; layer = layer->shared_.get()) {
    key.front() = static_cast<char>(key.front() + 1);
    key.append(reinterpret_cast<const char*>(&layer->serial_), sizeof layer->serial_);
  }
  key += utf8;
  thread_local TextMemo<Reading> memo(kMemoBudget, Reading::bytes);
  return memo.get(key, [&] {
    Reading r;
    r.tokens = tokenize(utf8);
    if (shared_) shared_->for_each_layer([&](const Layer& layer) { find_phrases(r.tokens, layer, r.shared_matches); });
    r.spans_without_own = kept_spans(r.tokens, r.shared_matches);
    return r;
  });
}

std::vector<KeptSpan> KeepTogether::spans(std::string_view utf8) const {
  Reading& reading = read(utf8);
  // A document asks again for a text it asked for before (the HTML sets the names the layout set).
  if (reading.own_serial != serial_) {
    std::vector<TokenSpan> matches;
    find_phrases(reading.tokens, own_, matches);
    if (matches.empty()) {
      reading.spans_with_own = reading.spans_without_own;
    } else {
      matches.insert(matches.begin(), reading.shared_matches.begin(), reading.shared_matches.end());
      reading.spans_with_own = kept_spans(reading.tokens, std::move(matches));
    }
    reading.own_serial = serial_;
  }
  return reading.spans_with_own;
}

}  // namespace vanban::text
