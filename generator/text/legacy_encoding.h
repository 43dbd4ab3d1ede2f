// The legacy Vietnamese 8-bit encodings that old spreadsheets still carry: TCVN3 (ABC, the
// .VnTime fonts) and VNI (VNI-Windows, the VNI-Times fonts). Both keep ASCII and the Windows-1252
// punctuation of 0x80-0x9F; TCVN3 has one byte per letter, VNI writes most toned letters as an
// ASCII vowel followed by a mark byte ("ộ" = "o" + 0xE4).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban::text {

enum class LegacyEncoding { Tcvn3, Vni };

const char* legacy_encoding_name(LegacyEncoding e);  // "TCVN3 (ABC)", "VNI"

// `bytes` in `e` as UTF-8 NFC. A byte that is not text in `e` is read as Windows-1252.
// TCVN3 has no capitals with tone marks (.VnTimeH drew the small ones as capitals): they are
// small letters, except inside a word written in capitals ("HéI" -> "HỘI").
std::string decode_legacy(std::string_view bytes, LegacyEncoding e);
// UTF-8 text as `e` writes it; what `e` cannot write becomes '?'. TCVN3 writes a capital with a
// tone mark as the small letter.
std::string encode_legacy(std::string_view utf8, LegacyEncoding e);

// For bytes that are not UTF-8: the encoding in which every byte is text, or nullopt. VNI is
// tried first: its mark bytes are only text after a vowel, which TCVN3 text rarely satisfies by
// chance, while nearly every byte is a letter in TCVN3.
std::optional<LegacyEncoding> detect_legacy_encoding(std::string_view bytes);

// The bytes `utf8` stands for in Windows-1252, or nullopt if it has a character Windows-1252
// lacks ("ơ", "ạ": genuine Vietnamese).
std::optional<std::string> windows_1252_bytes(std::string_view utf8);

// Valid UTF-8 that is really TCVN3 or VNI read as Windows-1252, as Excel saves an old .VnTime
// sheet as "CSV UTF-8" ("Chi héi N«ng d©n", "Chi hoäi Noâng daân"): its encoding. nullopt for
// genuine text: a character beyond Windows-1252, no character foreign to Vietnamese (only
// "à", "ê"...), or a reading that does not look like Vietnamese words.
std::optional<LegacyEncoding> detect_legacy_mojibake(std::string_view utf8);

// The two detections over a text given a piece at a time, cut anywhere (a file read in chunks):
// the same decisions as over the whole. A piece is held back to the last ASCII byte that is no
// letter, where no reading of the text can be cut in two (no VNI pair starts there, no word runs
// across it, and in UTF-8 it is a whole character).
class LegacyEncodingScan {
 public:
  void add(std::string_view bytes);
  bool hopeless() const { return !vni_ && !tcvn3_; }  // neither can come out: stop reading
  std::optional<LegacyEncoding> result();             // after the last piece
 private:
  void take(std::string_view bytes);
  std::string pending_;
  bool vni_ = true, tcvn3_ = true;  // every byte so far is text in that encoding
};

class LegacyMojibakeScan {
 public:
  void add(std::string_view utf8);
  bool hopeless() const { return !windows_1252_; }  // genuine text: stop reading
  std::optional<LegacyEncoding> result();           // after the last piece
 private:
  void take(std::string_view utf8);
  struct Reading {
    bool text = true;        // every byte is text in the encoding
    bool vietnamese = true;  // and reads as Vietnamese words
  };
  std::string pending_;
  bool high_ = false, windows_1252_ = true, foreign_ = false;
  Reading vni_, tcvn3_;
};

// What such text stands for, with its encoding; nullopt for genuine text.
struct RepairedText {
  LegacyEncoding encoding;
  std::string utf8;
};
std::optional<RepairedText> repair_legacy_text(std::string_view utf8);

}  // namespace vanban::text
