// A PDF file written object by object, in the compact syntax PoDoFo 0.9.8 writes (keys in byte
// order after /Type, a space before each number and reference, strings as literals), so that the
// writer produces the same bytes it did through PoDoFo's object model, at a fraction of the
// cost: no object tree, no printf per token. Objects are numbered up front by the caller and
// written in that order; the cross-reference table and the trailer close the file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

class PdfFile {
 public:
  PdfFile();  // the header: version 1.7 and the binary comment

  std::string& bytes() { return out_; }

  // Starts object `number`, which must be the next one (1, 2, ...): "N 0 obj".
  void begin_object(int number);
  // Ends a dictionary object.
  void end_object();
  // Ends an object whose dictionary was just written with a stream of `data`.
  void end_stream_object(std::string_view data);

  // Appends the cross-reference table and the trailer (root 1, info 2) and returns the file. Its
  // /ID is a hash of every byte before the trailer (fully specified: FNV-1a 128 over 8-byte
  // little-endian words), the same on every build for the same bytes, and different for
  // documents that share title, author and date.
  std::string finish();

 private:
  std::string out_;
  std::vector<std::size_t> offsets_;  // of objects 1..n
};

// " 12 0 R"
void append_ref(std::string& out, int number);
// " 12"
void append_int(std::string& out, long long v);
// " 595.275591": six decimals with trailing zeros (and a bare point) dropped, as PoDoFo writes reals.
void append_real(std::string& out, double v);
// A text string: "(", the byte-order mark and UTF-16BE of `utf8`, ")" with \n \r \t \b \f ( ) and
// the backslash escaped byte by byte.
void append_text_string(std::string& out, std::string_view utf8);
// A byte string of printable ASCII ("(D:20260312000000Z)"), with the same escapes.
void append_ascii_string(std::string& out, std::string_view ascii);

}  // namespace vanban
