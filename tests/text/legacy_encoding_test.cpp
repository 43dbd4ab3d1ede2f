#include "text/legacy_encoding.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "text/unicode.h"
#include "text/vietnamese_case.h"

namespace vanban::text {
namespace {

using E = LegacyEncoding;

// Every Vietnamese letter, small, built from Unicode itself: 12 vowels x 6 tones (base letter
// plus combining marks, composed by NFC), and đ. Independent of the tables under test.
struct Letter {
  std::string small;
  bool toned;
};

std::vector<Letter> small_letters() {
  const char* vowels[] = {"a", "a\u0306", "a\u0302", "e", "e\u0302", "i",
                          "o", "o\u0302", "o\u031B", "u", "u\u031B", "y"};
  const char* tones[] = {"", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"};
  std::vector<Letter> out;
  for (const char* v : vowels)
    for (const char* t : tones) out.push_back({to_nfc(std::string(v) + t), *t != 0});
  out.push_back({"\u0111", false});
  return out;
}

TEST(LegacyEncoding, EveryLetterOfBothCasesRoundTripsThroughVni) {
  const std::vector<Letter> letters = small_letters();
  ASSERT_EQ(letters.size(), 73u);
  for (const Letter& l : letters) {
    for (const std::string& letter : {l.small, to_upper(l.small)}) {
      ASSERT_EQ(to_u32(letter).size(), 1u) << letter;  // precomposed
      const std::string bytes = encode_legacy(letter, E::Vni);
      EXPECT_EQ(bytes.find('?'), std::string::npos) << letter;
      EXPECT_LE(bytes.size(), 2u) << letter;
      EXPECT_EQ(decode_legacy(bytes, E::Vni), letter) << letter;
      // Inside a word too, where a mark byte meets the next letter.
      EXPECT_EQ(decode_legacy(encode_legacy("b" + letter + "n", E::Vni), E::Vni), "b" + letter + "n");
    }
  }
}

TEST(LegacyEncoding, EveryLetterRoundTripsThroughTcvn3SmallOrInCapitals) {
  std::set<std::string> bytes_used;
  for (const Letter& l : small_letters()) {
    const std::string bytes = encode_legacy(l.small, E::Tcvn3);
    ASSERT_EQ(bytes.size(), 1u) << l.small;  // one byte a letter
    EXPECT_NE(bytes, "?") << l.small;
    EXPECT_EQ(decode_legacy(bytes, E::Tcvn3), l.small) << l.small;
    bytes_used.insert(bytes);

    const std::string capital = to_upper(l.small);
    if (l.toned) {
      // No capital with a tone mark in TCVN3: alone it comes back small, in a word written in
      // capitals it comes back a capital.
      EXPECT_EQ(encode_legacy(capital, E::Tcvn3), bytes) << capital;
      EXPECT_EQ(decode_legacy(bytes, E::Tcvn3), l.small) << capital;
      EXPECT_EQ(decode_legacy(encode_legacy("N" + capital + "M", E::Tcvn3), E::Tcvn3),
                "N" + capital + "M");
    } else {
      EXPECT_EQ(decode_legacy(encode_legacy(capital, E::Tcvn3), E::Tcvn3), capital) << capital;
      bytes_used.insert(encode_legacy(capital, E::Tcvn3));
    }
  }
  // 73 small letters and 13 capitals without tone, no two on the same byte.
  EXPECT_EQ(bytes_used.size(), 73u + 13u);
}

TEST(LegacyEncoding, KnownBytesOfTcvn3) {
  EXPECT_EQ(decode_legacy("Chi h\xE9i N\xABng d\xA9n", E::Tcvn3), "Chi hội Nông dân");
  EXPECT_EQ(encode_legacy("Chi hội Nông dân", E::Tcvn3), "Chi h\xE9i N\xABng d\xA9n");
  EXPECT_EQ(encode_legacy("người Đảng viên", E::Tcvn3), "ng\xAD\xEAi \xA7\xB6ng vi\xAAn");
  EXPECT_EQ(decode_legacy("Tr\xAD\xEBng", E::Tcvn3), "Trưởng");
  // Windows punctuation kept by the .VnTime fonts.
  EXPECT_EQ(decode_legacy("\x93T\xE6 h\xE9i\x94 \x96 x", E::Tcvn3), "“Tổ hội” – x");
  // Capitals: a word in capitals gets its toned letters back as capitals; a capitalised word
  // keeps them small.
  EXPECT_EQ(decode_legacy("CHI H\xE9I N\xA4NG D\xA2N", E::Tcvn3), "CHI HỘI NÔNG DÂN");
  EXPECT_EQ(decode_legacy("T\xE6 h\xE9i", E::Tcvn3), "Tổ hội");
}

TEST(LegacyEncoding, KnownBytesOfVni) {
  EXPECT_EQ(decode_legacy("Chi ho\xE4i No\xE2ng da\xE2n", E::Vni), "Chi hội Nông dân");
  EXPECT_EQ(encode_legacy("Chi hội Nông dân", E::Vni), "Chi ho\xE4i No\xE2ng da\xE2n");
  EXPECT_EQ(encode_legacy("người Đảng", E::Vni), "ng\xF6\xF4\xF8i \xD1\x61\xFBng");
  EXPECT_EQ(decode_legacy("CHI HO\xC4I NO\xC2NG DA\xC2N", E::Vni), "CHI HỘI NÔNG DÂN");
  EXPECT_EQ(decode_legacy("Hoa\xF8 vie\xE1t \xF1i \xEDt", E::Vni), "Hoà viết đi ít");
}

TEST(LegacyEncoding, EncodesDecomposedInputAndMarksWhatItCannotWrite) {
  EXPECT_EQ(encode_legacy("ho\u0323\u0302i", E::Tcvn3), "h\xE9i");  // NFD ộ
  EXPECT_EQ(encode_legacy("B\u1EA3n \u4E2D", E::Vni), "Ba\xFBn ?");
}

TEST(LegacyEncoding, DetectsTheEncodingOfBytesThatAreNotUtf8) {
  EXPECT_EQ(detect_legacy_encoding("Chi h\xE9i N\xABng d\xA9n \xB8p T\xA9n Thu\xA9n"), E::Tcvn3);
  EXPECT_EQ(detect_legacy_encoding("Chi ho\xE4i No\xE2ng da\xE2n a\xE1p Ta\xE2n Thua\xE2n"),
            E::Vni);
  // Bytes no letter of either is made of (TCVN3 leaves 0xB0 unused, VNI uses it nowhere).
  EXPECT_EQ(detect_legacy_encoding("25\xB0" "C"), std::nullopt);
}

TEST(LegacyEncoding, RepairsLegacyTextSeenAsWindows1252) {
  auto r = repair_legacy_text("Chi héi N«ng d©n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->encoding, E::Tcvn3);
  EXPECT_EQ(r->utf8, "Chi hội Nông dân");
  r = repair_legacy_text("Chi hoäi Noâng daân");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->encoding, E::Vni);
  EXPECT_EQ(r->utf8, "Chi hội Nông dân");
  r = repair_legacy_text("Phã Tr\u00adëng ban");  // soft hyphen: TCVN3 ư
  ASSERT_TRUE(r);
  EXPECT_EQ(r->utf8, "Phó Trưởng ban");
  EXPECT_EQ(windows_1252_bytes("“x”"), "\x93x\x94");
}

TEST(LegacyEncoding, LeavesGenuineTextAlone) {
  EXPECT_EQ(repair_legacy_text("Chi hội Nông dân"), std::nullopt);
  EXPECT_EQ(repair_legacy_text("Tân An"), std::nullopt);
  EXPECT_EQ(repair_legacy_text("Trà Vinh"), std::nullopt);
  EXPECT_EQ(repair_legacy_text("Cà phê, bánh mì"), std::nullopt);
  EXPECT_EQ(repair_legacy_text("Ho\u0323\u0302i"), std::nullopt);
  EXPECT_EQ(repair_legacy_text("Nguyễn Văn Út"), std::nullopt);
  EXPECT_EQ(repair_legacy_text("HÀ NỘI"), std::nullopt);
  EXPECT_EQ(repair_legacy_text("plain ASCII"), std::nullopt);
  // Foreign characters with no Vietnamese reading: two tones in one word ("Ñ" + "×"...).
  EXPECT_EQ(repair_legacy_text("Ð×Ö"), std::nullopt);
  // A reading that puts a capital after a small letter inside a word.
  EXPECT_EQ(repair_legacy_text("«A"), std::nullopt);
}

}  // namespace
}  // namespace vanban::text
