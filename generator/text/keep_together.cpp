#include "text/keep_together.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace vanban::text {

namespace {

// A space-separated word of the text, as layout breaks lines only at spaces.
struct Token {
  std::size_t begin = 0, end = 0;  // bytes, the whole token
  // Case-folded, without leading and trailing punctuation, in UTF-8: most words fit the string's
  // own buffer, so tokenizing allocates nothing per word.
  std::string core;
  char32_t first = 0;              // first code point of the token as written
  bool leading_punct = false;
  bool trailing_punct = false;     // ends with punctuation other than "%"
  char32_t last_punct = 0;         // that punctuation
  bool title_case = false;         // "Giang", "Ủy": one capital, then small letters
  bool number = false;             // "6", "2.863", "73,40%", "12/3/2026"
};

// ICU's answers for ASCII, asked once: most characters of Vietnamese text are ASCII, and a table
// lookup costs a fraction of an ICU call.
struct AsciiProperties {
  bool punct = false, digit = false, upper = false, lower = false;
  char folded = 0;
};

std::array<AsciiProperties, 128> ascii_properties() {
  std::array<AsciiProperties, 128> t{};
  for (UChar32 c = 0; c < 128; ++c) {
    t[static_cast<std::size_t>(c)] = {u_ispunct(c) != 0, u_isdigit(c) != 0, u_isupper(c) != 0, u_islower(c) != 0,
                                      static_cast<char>(u_foldCase(c, U_FOLD_CASE_DEFAULT))};
  }
  return t;
}

// Filled before main (ICU's character properties are compiled into the library): a function-local
// static would cost a guard check on every character.
const std::array<AsciiProperties, 128> kAscii = ascii_properties();

bool punct(char32_t c) { return c < 128 ? kAscii[c].punct : u_ispunct(static_cast<UChar32>(c)) != 0; }
bool digit(char32_t c) { return c < 128 ? kAscii[c].digit : u_isdigit(static_cast<UChar32>(c)) != 0; }
bool upper(char32_t c) { return c < 128 ? kAscii[c].upper : u_isupper(static_cast<UChar32>(c)) != 0; }
bool lower(char32_t c) { return c < 128 ? kAscii[c].lower : u_islower(static_cast<UChar32>(c)) != 0; }

bool is_punct(char32_t c) { return c != U'%' && punct(c); }

bool is_number(std::u32string_view raw) {
  if (raw.empty() || !digit(raw.front())) return false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char32_t c = raw[i];
    if (digit(c) || c == U'.' || c == U',' || c == U'/' || c == U'-') continue;
    if (c == U'%' && i + 1 == raw.size()) continue;
    return false;
  }
  return true;
}

void append_utf8(std::string& out, UChar32 c) {
  char bytes[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(bytes, n, c);  // c is a code point, folded from one, and the buffer fits any
  out.append(bytes, static_cast<std::size_t>(n));
}

// `raw` is scratch space for the token's code points, reused from token to token.
Token make_token(std::string_view utf8, std::size_t begin, std::size_t end, std::u32string& raw) {
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
  while (lo < hi && is_punct(raw[lo])) ++lo;
  while (hi > lo && is_punct(raw[hi - 1])) --hi;
  t.leading_punct = lo > 0;
  t.trailing_punct = hi < raw.size();
  if (t.trailing_punct) t.last_punct = raw.back();
  const std::u32string_view core = std::u32string_view(raw).substr(lo, hi - lo);
  t.number = is_number(core);
  t.title_case = core.size() >= 2 && upper(core.front()) && std::all_of(core.begin() + 1, core.end(), lower);
  for (char32_t c : core) {
    if (c < 128) {
      t.core += kAscii[c].folded;
    } else {
      append_utf8(t.core, u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    }
  }
  return t;
}

std::vector<Token> tokenize(std::string_view utf8) {
  std::vector<Token> out;
  out.reserve(utf8.size() / 4 + 1);  // words of Vietnamese text average more than 4 bytes with their space
  std::u32string raw;
  std::size_t i = 0;
  while (i < utf8.size()) {
    while (i < utf8.size() && utf8[i] == ' ') ++i;
    const std::size_t begin = i;
    while (i < utf8.size() && utf8[i] != ' ') ++i;
    if (i > begin) out.push_back(make_token(utf8, begin, i, raw));
  }
  return out;
}

bool one_of(std::string_view core, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), core) != words.end();
}

// Words that announce a number: "ngày 17", "tháng 10", "năm 2026", "Số 65-BC/CCB", "Điều 5".
bool is_number_label(const Token& t) {
  return (!t.trailing_punct || t.last_punct == U':') &&
         one_of(t.core, {"ngày", "tháng", "năm", "quý", "số", "khóa", "điều", "khoản", "điểm", "mục",
                         "chương", "phần", "lần", "kỳ", "đợt", "tuần"});
}

bool is_roman(std::string_view core) {
  return !core.empty() && std::all_of(core.begin(), core.end(), [](char c) {
    return c == 'i' || c == 'v' || c == 'x' || c == 'l' || c == 'c';
  });
}

// What a number label may announce: a number, a code ("65-BC/CCB"), a date, a Roman numeral, or
// the draft number's blank.
bool is_numbered(const Token& t) {
  return digit(t.first) || fixed_space_width(t.first) > 0 || (is_roman(t.core) && !t.leading_punct && upper(t.first));
}

// How many tokens from `i` name an administrative level ("tỉnh", "thành phố", "tổ dân phố").
std::size_t level_words_at(const std::vector<Token>& tokens, std::size_t i) {
  auto word = [&](std::size_t k) -> const std::string& { return tokens[i + k].core; };
  auto clean = [&](std::size_t n) {
    for (std::size_t k = 0; k < n; ++k)
      if (tokens[i + k].trailing_punct || (k > 0 && tokens[i + k].leading_punct)) return false;
    return true;
  };
  if (i + 3 < tokens.size() && word(0) == "tổ" && word(1) == "dân" && word(2) == "phố" && clean(3)) return 3;
  if (i + 2 < tokens.size() && clean(2) &&
      ((word(0) == "thành" && word(1) == "phố") || (word(0) == "thị" && (word(1) == "xã" || word(1) == "trấn")) ||
       (word(0) == "đặc" && word(1) == "khu")))
    return 2;
  if (i + 1 < tokens.size() && clean(1) &&
      one_of(word(0), {"tỉnh", "huyện", "quận", "xã", "phường", "ấp", "khóm", "thôn", "bản", "làng"}))
    return 1;
  return 0;
}

constexpr std::size_t kLongestName = 5;  // longer runs of capitalised words are title case, not a name

// The rules: proper names (runs of capitalised words), a place with its level word, a number
// with the word it counts, a label with its number.
void rule_spans(const std::vector<Token>& tokens, std::vector<KeptSpan>& out) {
  const std::size_t n = tokens.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const Token& a = tokens[i];
    const Token& b = tokens[i + 1];
    if (a.trailing_punct && !(a.last_punct == U':' && is_number_label(a))) continue;
    if (b.leading_punct && fixed_space_width(b.first) == 0) continue;
    // A year ("năm 2026") counts nothing: the word after it is free.
    const bool year = i > 0 && tokens[i - 1].core == "năm" && !tokens[i - 1].trailing_punct;
    if (a.number && !year && u_isalpha(static_cast<UChar32>(b.first))) out.push_back({a.begin, b.end, Bond::Hard});
    if (is_number_label(a) && is_numbered(b)) out.push_back({a.begin, b.end, Bond::Hard});
  }
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && tokens[j].title_case && (j == i || (!tokens[j - 1].trailing_punct && !tokens[j].leading_punct))) ++j;
    if (j == i) {
      ++i;
      continue;
    }
    if (j - i >= 2) out.push_back({tokens[i].begin, tokens[j - 1].end, j - i <= kLongestName ? Bond::Hard : Bond::Soft});
    i = j;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t level = level_words_at(tokens, i);
    if (level == 0 || !tokens[i + level].title_case || tokens[i + level].leading_punct) continue;
    std::size_t j = i + level + 1;
    while (j < n && tokens[j].title_case && !tokens[j - 1].trailing_punct && !tokens[j].leading_punct) ++j;
    out.push_back({tokens[i].begin, tokens[j - 1].end, Bond::Soft});
  }
}

}  // namespace

double fixed_space_width(char32_t cp) {
  switch (cp) {
    case U'\u2002': return 0.5;  // EN SPACE
    case U'\u2003': return 1.0;  // EM SPACE
    default: return 0;
  }
}

void KeepTogether::add_phrase(std::string_view phrase, Bond bond) {
  Phrase p{{}, bond};
  for (const Token& t : tokenize(phrase)) p.words.push_back(t.core);
  if (p.words.size() < 2) return;
  by_first_word_[p.words.front()].push_back(phrases_.size());
  phrases_.push_back(std::move(p));
}

void KeepTogether::add_name(std::string_view name) {
  add_phrase(name, Bond::Soft);
  std::vector<KeptSpan> found;
  rule_spans(tokenize(name), found);
  for (const KeptSpan& s : found) add_phrase(name.substr(s.begin, s.end - s.begin), s.bond);
}

std::vector<KeptSpan> KeepTogether::spans(std::string_view utf8) const {
  const std::vector<Token> tokens = tokenize(utf8);
  std::vector<KeptSpan> out;
  rule_spans(tokens, out);
  // The chain of phrase sets, the most shared first: at each word its phrases are tried in the
  // order they were added.
  std::vector<const KeepTogether*> sets;
  for (const KeepTogether* k = this; k; k = k->shared_.get()) sets.insert(sets.begin(), k);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    for (const KeepTogether* k : sets) {
      const auto candidates = k->by_first_word_.find(tokens[i].core);
      if (candidates == k->by_first_word_.end()) continue;
      for (std::size_t index : candidates->second) {
        const Phrase& p = k->phrases_[index];
        if (i + p.words.size() > tokens.size()) continue;
        bool match = true;
        for (std::size_t w = 0; w < p.words.size() && match; ++w) {
          const Token& t = tokens[i + w];
          match = t.core == p.words[w] && (w + 1 == p.words.size() || !t.trailing_punct) && (w == 0 || !t.leading_punct);
        }
        if (match) out.push_back({tokens[i].begin, tokens[i + p.words.size() - 1].end, p.bond});
      }
    }
  }
  return out;
}

}  // namespace vanban::text
