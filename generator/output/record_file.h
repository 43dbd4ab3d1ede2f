// The line files vanban keeps beside what it writes, to know on a later run what it wrote (the
// build's DIR/manifest.txt, the site's SITE/vanban-site.txt): a first line naming the format and
// its version, then one record per line. A later run deletes files on their word, so whatever
// cannot be trusted is left out, and a file is trusted only as what it was recorded to be.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

// The text of DIR/NAME; empty when it is missing or cannot be read.
std::string read_record_file(const std::string& dir, const char* name);

// The complete lines of `text` after its first, which must be `header` (none otherwise: another
// format, version or program). A last line without "\n", a write cut short, is left out.
std::vector<std::string_view> record_lines(std::string_view text, std::string_view header);

// Gives `take` each complete line of DIR/NAME after its first, as record_lines does, reading the
// file a line at a time: a manifest of a million records is never held whole.
void for_each_record_line(const std::string& dir, const char* name, std::string_view header,
                          const std::function<void(std::string_view)>& take);

// `header` and each record, one per line.
std::string record_text(std::string_view header, const std::vector<std::string>& records);

// Takes the decimal number at the front of `line` and the one space after it; false, with `line`
// unchanged, when it is not there.
bool take_number(std::string_view& line, std::uint64_t& out);

// A regular file (not a link) of `size` bytes: what a record may vouch for, and delete.
bool is_file_of_size(const std::filesystem::path& path, std::uint64_t size);

}  // namespace vanban
