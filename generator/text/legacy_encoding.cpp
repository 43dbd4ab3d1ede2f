#include "text/legacy_encoding.h"

#include <unicode/uchar.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "text/utf8_decode.h"
#include "text/unicode.h"

namespace vanban::text {

namespace {

constexpr int kTones = 6;  // none, sắc, huyền, hỏi, ngã, nặng

// One vowel with its six tones: Unicode, TCVN3 and VNI. The VNI capital is the small letter's
// bytes with the ASCII letter upper-cased and every other byte 0x20 lower (Latin-1 case pairs:
// "aù" á, "AÙ" Á; "ô" ơ, "Ô" Ơ).
struct VowelRow {
  char32_t small[kTones];
  char32_t capital[kTones];
  unsigned char tcvn3[kTones];  // the small letters; TCVN3 has no capitals with tone marks
  unsigned char tcvn3_capital;  // the capital without tone mark
  const char* vni[kTones];      // the small letters
};

constexpr VowelRow kVowels[] = {
    {{U'a', 0xE1, 0xE0, 0x1EA3, 0xE3, 0x1EA1},
     {U'A', 0xC1, 0xC0, 0x1EA2, 0xC3, 0x1EA0},
     {'a', 0xB8, 0xB5, 0xB6, 0xB7, 0xB9},
     'A',
     {"a", "a\xF9", "a\xF8", "a\xFB", "a\xF5", "a\xEF"}},
    {{0x103, 0x1EAF, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EB7},
     {0x102, 0x1EAE, 0x1EB0, 0x1EB2, 0x1EB4, 0x1EB6},
     {0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6},
     0xA1,
     {"a\xEA", "a\xE9", "a\xE8", "a\xFA", "a\xFC", "a\xEB"}},
    {{0xE2, 0x1EA5, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EAD},
     {0xC2, 0x1EA4, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EAC},
     {0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB},
     0xA2,
     {"a\xE2", "a\xE1", "a\xE0", "a\xE5", "a\xE3", "a\xE4"}},
    {{U'e', 0xE9, 0xE8, 0x1EBB, 0x1EBD, 0x1EB9},
     {U'E', 0xC9, 0xC8, 0x1EBA, 0x1EBC, 0x1EB8},
     {'e', 0xD0, 0xCC, 0xCE, 0xCF, 0xD1},
     'E',
     {"e", "e\xF9", "e\xF8", "e\xFB", "e\xF5", "e\xEF"}},
    {{0xEA, 0x1EBF, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EC7},
     {0xCA, 0x1EBE, 0x1EC0, 0x1EC2, 0x1EC4, 0x1EC6},
     {0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6},
     0xA3,
     {"e\xE2", "e\xE1", "e\xE0", "e\xE5", "e\xE3", "e\xE4"}},
    {{U'i', 0xED, 0xEC, 0x1EC9, 0x129, 0x1ECB},
     {U'I', 0xCD, 0xCC, 0x1EC8, 0x128, 0x1ECA},
     {'i', 0xDD, 0xD7, 0xD8, 0xDC, 0xDE},
     'I',
     {"i", "\xED", "\xEC", "\xE6", "\xF3", "\xF2"}},
    {{U'o', 0xF3, 0xF2, 0x1ECF, 0xF5, 0x1ECD},
     {U'O', 0xD3, 0xD2, 0x1ECE, 0xD5, 0x1ECC},
     {'o', 0xE3, 0xDF, 0xE1, 0xE2, 0xE4},
     'O',
     {"o", "o\xF9", "o\xF8", "o\xFB", "o\xF5", "o\xEF"}},
    {{0xF4, 0x1ED1, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED9},
     {0xD4, 0x1ED0, 0x1ED2, 0x1ED4, 0x1ED6, 0x1ED8},
     {0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9},
     0xA4,
     {"o\xE2", "o\xE1", "o\xE0", "o\xE5", "o\xE3", "o\xE4"}},
    {{0x1A1, 0x1EDB, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EE3},
     {0x1A0, 0x1EDA, 0x1EDC, 0x1EDE, 0x1EE0, 0x1EE2},
     {0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE},
     0xA5,
     {"\xF4", "\xF4\xF9", "\xF4\xF8", "\xF4\xFB", "\xF4\xF5", "\xF4\xEF"}},
    {{U'u', 0xFA, 0xF9, 0x1EE7, 0x169, 0x1EE5},
     {U'U', 0xDA, 0xD9, 0x1EE6, 0x168, 0x1EE4},
     {'u', 0xF3, 0xEF, 0xF1, 0xF2, 0xF4},
     'U',
     {"u", "u\xF9", "u\xF8", "u\xFB", "u\xF5", "u\xEF"}},
    {{0x1B0, 0x1EE9, 0x1EEB, 0x1EED, 0x1EEF, 0x1EF1},
     {0x1AF, 0x1EE8, 0x1EEA, 0x1EEC, 0x1EEE, 0x1EF0},
     {0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9},
     0xA6,
     {"\xF6", "\xF6\xF9", "\xF6\xF8", "\xF6\xFB", "\xF6\xF5", "\xF6\xEF"}},
    {{U'y', 0xFD, 0x1EF3, 0x1EF7, 0x1EF9, 0x1EF5},
     {U'Y', 0xDD, 0x1EF2, 0x1EF6, 0x1EF8, 0x1EF4},
     {'y', 0xFD, 0xFA, 0xFB, 0xFC, 0xFE},
     'Y',
     {"y", "y\xF9", "y\xF8", "y\xFB", "y\xF5", "\xEE"}},
};

// đ and Đ.
constexpr char32_t kSmallD = 0x111, kCapitalD = 0x110;
constexpr unsigned char kTcvn3SmallD = 0xAE, kTcvn3CapitalD = 0xA7;
constexpr unsigned char kVniSmallD = 0xF1;

// Windows-1252 0x80-0x9F, which both encodings' fonts kept (“ ” – … and so on); 0 = unused.
constexpr char32_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

enum class Case : unsigned char { None, Upper, Lower, Caseless };

std::string vni_capital(std::string_view small) {
  std::string out(small);
  for (char& c : out) {
    const auto b = static_cast<unsigned char>(c);
    c = static_cast<char>(b < 0x80 ? (b >= 'a' && b <= 'z' ? b - 0x20 : b) : b - 0x20);
  }
  return out;
}

struct Tables {
  char32_t tcvn3[256] = {};          // 0: not text in TCVN3
  Case tcvn3_case[256] = {};
  char32_t tcvn3_capital[256] = {};  // the capital a caseless (toned) byte stands for in capitals
  char32_t vni_single[256] = {};     // one byte that is a letter or punctuation by itself
  std::unordered_map<std::uint16_t, char32_t> vni_pairs;  // letter << 8 | mark
  std::unordered_map<char32_t, std::string> to_tcvn3, to_vni;
  std::unordered_map<char32_t, unsigned char> to_windows_1252;  // beyond Latin-1
  std::unordered_map<char32_t, int> tone;                       // of every Vietnamese vowel

  Tables() {
    for (int b = 0; b < 0x80; ++b) {
      tcvn3[b] = vni_single[b] = static_cast<char32_t>(b);
      const bool upper = b >= 'A' && b <= 'Z', lower = b >= 'a' && b <= 'z';
      tcvn3_case[b] = upper ? Case::Upper : lower ? Case::Lower : Case::None;
    }
    for (int b = 0x80; b < 0xA0; ++b) {
      tcvn3[b] = vni_single[b] = kWindows1252High[b - 0x80];
      if (kWindows1252High[b - 0x80])
        to_windows_1252[kWindows1252High[b - 0x80]] = static_cast<unsigned char>(b);
    }
    tcvn3[0xA0] = vni_single[0xA0] = 0xA0;

    for (const VowelRow& row : kVowels) {
      for (int t = 0; t < kTones; ++t) {
        const unsigned char byte = row.tcvn3[t];
        if (byte >= 0x80) {
          tcvn3[byte] = row.small[t];
          tcvn3_case[byte] = t == 0 ? Case::Lower : Case::Caseless;
          tcvn3_capital[byte] = row.capital[t];
          to_tcvn3[row.small[t]] = std::string(1, static_cast<char>(byte));
        }
        // A capital with a tone mark is written as the small letter.
        to_tcvn3[row.capital[t]] = std::string(
            1, static_cast<char>(t == 0 ? row.tcvn3_capital : row.tcvn3[t]));
        tone[row.small[t]] = tone[row.capital[t]] = t;

        const std::string small = row.vni[t], capital = vni_capital(small);
        to_vni[row.small[t]] = small;
        to_vni[row.capital[t]] = capital;
        for (const auto& [bytes, cp] : {std::pair{small, row.small[t]}, {capital, row.capital[t]}}) {
          const auto b0 = static_cast<unsigned char>(bytes[0]);
          if (bytes.size() == 1)
            vni_single[b0] = cp;
          else
            vni_pairs[static_cast<std::uint16_t>(b0 << 8 | static_cast<unsigned char>(bytes[1]))] =
                cp;
        }
      }
      if (row.tcvn3_capital >= 0x80) {
        tcvn3[row.tcvn3_capital] = row.capital[0];
        tcvn3_case[row.tcvn3_capital] = Case::Upper;
      }
    }
    tcvn3[kTcvn3SmallD] = kSmallD;
    tcvn3_case[kTcvn3SmallD] = Case::Lower;
    tcvn3[kTcvn3CapitalD] = kCapitalD;
    tcvn3_case[kTcvn3CapitalD] = Case::Upper;
    to_tcvn3[kSmallD] = std::string(1, static_cast<char>(kTcvn3SmallD));
    to_tcvn3[kCapitalD] = std::string(1, static_cast<char>(kTcvn3CapitalD));
    vni_single[kVniSmallD] = kSmallD;
    vni_single[kVniSmallD - 0x20] = kCapitalD;
    to_vni[kSmallD] = std::string(1, static_cast<char>(kVniSmallD));
    to_vni[kCapitalD] = std::string(1, static_cast<char>(kVniSmallD - 0x20));
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

// Capitals for the caseless (toned) letters of a TCVN3 word whose other letters are capitals,
// at least two of them: "HéI" -> "HỘI", but "Tæ" stays "Tổ" (a capitalised word).
void restore_capitals(std::u32string& text, const std::vector<Case>& cases,
                      const std::vector<unsigned char>& from) {
  const Tables& t = tables();
  std::size_t i = 0;
  while (i < text.size()) {
    if (cases[i] == Case::None) {
      ++i;
      continue;
    }
    std::size_t end = i;
    int upper = 0;
    bool lower = false;
    for (; end < text.size() && cases[end] != Case::None; ++end) {
      upper += cases[end] == Case::Upper;
      lower |= cases[end] == Case::Lower;
    }
    if (upper >= 2 && !lower)
      for (std::size_t k = i; k < end; ++k)
        if (cases[k] == Case::Caseless) text[k] = t.tcvn3_capital[from[k]];
    i = end;
  }
}

// Decodes `bytes`; counts the bytes that are not text in `e` (read as Windows-1252 / Latin-1).
std::u32string decode(std::string_view bytes, LegacyEncoding e, std::size_t& invalid) {
  const Tables& t = tables();
  std::u32string out;
  out.reserve(bytes.size());
  invalid = 0;
  const auto fallback = [&](unsigned char b) {
    ++invalid;
    out.push_back(b >= 0xA0 ? b : 0xFFFD);
  };
  if (e == LegacyEncoding::Tcvn3) {
    std::vector<Case> cases;
    std::vector<unsigned char> from;
    cases.reserve(bytes.size());
    from.reserve(bytes.size());
    for (char c : bytes) {
      const auto b = static_cast<unsigned char>(c);
      if (t.tcvn3[b] || b == 0)
        out.push_back(t.tcvn3[b]);
      else
        fallback(b);
      cases.push_back(t.tcvn3_case[b]);
      from.push_back(b);
    }
    restore_capitals(out, cases, from);
    return out;
  }
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (i + 1 < bytes.size() && static_cast<unsigned char>(bytes[i + 1]) >= 0x80) {
      const auto pair = t.vni_pairs.find(
          static_cast<std::uint16_t>(b << 8 | static_cast<unsigned char>(bytes[i + 1])));
      if (pair != t.vni_pairs.end()) {
        out.push_back(pair->second);
        ++i;
        continue;
      }
    }
    if (t.vni_single[b] || b == 0)
      out.push_back(t.vni_single[b]);
    else
      fallback(b);
  }
  return out;
}

bool has_high_byte(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

// Words as Vietnamese writes them: at most one tone mark, and no capital after a small letter.
bool looks_vietnamese(const std::u32string& text) {
  const Tables& t = tables();
  int tones = 0;
  bool after_small = false;
  for (char32_t cp : text) {
    if (!u_isalpha(static_cast<UChar32>(cp))) {
      tones = 0;
      after_small = false;
      continue;
    }
    const auto tone = t.tone.find(cp);
    if (tone != t.tone.end() && tone->second > 0 && ++tones > 1) return false;
    if (u_isupper(static_cast<UChar32>(cp)) && after_small) return false;
    after_small = u_islower(static_cast<UChar32>(cp));
  }
  return true;
}

// The length of the longest part of `s` that ends just after an ASCII byte that is no letter.
std::size_t cut_point(std::string_view s) {
  for (std::size_t i = s.size(); i > 0; --i) {
    const auto b = static_cast<unsigned char>(s[i - 1]);
    if (b < 0x80 && !(b >= 'a' && b <= 'z') && !(b >= 'A' && b <= 'Z')) return i;
  }
  return 0;
}

// `more` to `take` in pieces cut at cut_point, the rest held in `pending` for the next call.
template <class Take>
void add_in_pieces(std::string& pending, std::string_view more, const Take& take) {
  const std::size_t cut = cut_point(more);
  if (cut == 0) {
    pending.append(more);
    return;
  }
  if (pending.empty()) {
    take(more.substr(0, cut));
  } else {
    pending.append(more.substr(0, cut));
    take(pending);
  }
  pending.assign(more.substr(cut));
}

}  // namespace

const char* legacy_encoding_name(LegacyEncoding e) {
  return e == LegacyEncoding::Tcvn3 ? "TCVN3 (ABC)" : "VNI";
}

std::string decode_legacy(std::string_view bytes, LegacyEncoding e) {
  std::size_t invalid = 0;
  // The tables hold precomposed letters only: the result is NFC already.
  return to_utf8(decode(bytes, e, invalid));
}

std::string encode_legacy(std::string_view utf8, LegacyEncoding e) {
  const Tables& t = tables();
  const auto& table = e == LegacyEncoding::Tcvn3 ? t.to_tcvn3 : t.to_vni;
  std::string out;
  for (char32_t cp : to_u32(to_nfc(utf8))) {
    if (const auto found = table.find(cp); found != table.end())
      out += found->second;
    else if (cp < 0x80)
      out.push_back(static_cast<char>(cp));
    else if (const auto w = t.to_windows_1252.find(cp); w != t.to_windows_1252.end())
      out.push_back(static_cast<char>(w->second));
    else
      out.push_back('?');
  }
  return out;
}

std::optional<LegacyEncoding> detect_legacy_encoding(std::string_view bytes) {
  LegacyEncodingScan scan;
  scan.add(bytes);
  return scan.result();
}

std::optional<std::string> windows_1252_bytes(std::string_view utf8) {
  const Tables& t = tables();
  std::string bytes;
  bytes.reserve(utf8.size());
  // Decoded as it goes: the text may be a whole data file, four times its size as UTF-32.
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* const end = p + utf8.size();
  while (p < end) {
    const char32_t cp = next_code_point(p, end);
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
      bytes.push_back(static_cast<char>(cp));
    else if (const auto w = t.to_windows_1252.find(cp); w != t.to_windows_1252.end())
      bytes.push_back(static_cast<char>(w->second));
    else
      return std::nullopt;
  }
  return bytes;
}

std::optional<LegacyEncoding> detect_legacy_mojibake(std::string_view utf8) {
  LegacyMojibakeScan scan;
  scan.add(utf8);
  return scan.result();
}

void LegacyEncodingScan::add(std::string_view bytes) {
  add_in_pieces(pending_, bytes, [this](std::string_view piece) { take(piece); });
}

void LegacyEncodingScan::take(std::string_view bytes) {
  std::size_t invalid = 0;
  if (vni_) vni_ = (decode(bytes, LegacyEncoding::Vni, invalid), invalid == 0);
  if (tcvn3_) tcvn3_ = (decode(bytes, LegacyEncoding::Tcvn3, invalid), invalid == 0);
}

std::optional<LegacyEncoding> LegacyEncodingScan::result() {
  take(pending_);
  pending_.clear();
  if (vni_) return LegacyEncoding::Vni;
  if (tcvn3_) return LegacyEncoding::Tcvn3;
  return std::nullopt;
}

void LegacyMojibakeScan::add(std::string_view utf8) {
  add_in_pieces(pending_, utf8, [this](std::string_view piece) { take(piece); });
}

void LegacyMojibakeScan::take(std::string_view utf8) {
  if (!windows_1252_) return;
  high_ = high_ || has_high_byte(utf8);
  const std::optional<std::string> bytes = windows_1252_bytes(utf8);
  if (!bytes) {
    windows_1252_ = false;
    return;
  }
  // A character Vietnamese does not use (not "à", "ê"...): the sign of a legacy byte.
  const Tables& t = tables();
  for (char c : *bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0xA1 && !t.tone.count(b)) foreign_ = true;
  }
  std::size_t invalid = 0;
  for (const auto& [e, reading] : {std::pair{LegacyEncoding::Vni, &vni_}, {LegacyEncoding::Tcvn3, &tcvn3_}}) {
    if (!reading->text) continue;
    const std::u32string decoded = decode(*bytes, e, invalid);
    reading->text = invalid == 0;
    reading->vietnamese = reading->vietnamese && reading->text && looks_vietnamese(decoded);
  }
}

std::optional<LegacyEncoding> LegacyMojibakeScan::result() {
  take(pending_);
  pending_.clear();
  if (!high_ || !windows_1252_ || !foreign_) return std::nullopt;
  // The encoding detect_legacy_encoding gives, if its reading looks like Vietnamese words.
  if (vni_.text) return vni_.vietnamese ? std::optional(LegacyEncoding::Vni) : std::nullopt;
  if (tcvn3_.text && tcvn3_.vietnamese) return LegacyEncoding::Tcvn3;
  return std::nullopt;
}

std::optional<RepairedText> repair_legacy_text(std::string_view utf8) {
  const std::optional<LegacyEncoding> e = detect_legacy_mojibake(utf8);
  if (!e) return std::nullopt;
  return RepairedText{*e, decode_legacy(*windows_1252_bytes(utf8), *e)};
}

}  // namespace vanban::text
