// is_valid_utf8 over a text given a piece at a time (a file read in pieces): a character two
// pieces share is checked when its last byte comes.
#pragma once

#include <string>
#include <string_view>

namespace vanban::text {

class Utf8Check {
 public:
  // The next piece; false once what has been given is known not to be UTF-8 (bytes that may
  // begin a character at the end of a piece are known with the next one).
  bool add(std::string_view piece);
  // Everything given is UTF-8, its last character complete.
  bool valid() const { return valid_ && carry_.empty(); }

 private:
  bool valid_ = true;
  std::string carry_;  // the first bytes of a character the next piece completes
};

}  // namespace vanban::text
