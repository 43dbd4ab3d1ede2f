#include "site/signed_pdf.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <optional>

#include "output/file_bytes.h"

namespace vanban::site {

namespace {

constexpr std::size_t kTail = 2048;  // the last trailer and startxref fit in far less

// The last trailer dictionary names the previous cross-reference section: an update.
bool ends_in_update(std::string_view tail) {
  const std::size_t trailer = tail.rfind("trailer");
  return trailer != std::string_view::npos && tail.find("/Prev", trailer) != std::string_view::npos;
}

// The next unsigned integer after `at` (white space skipped), moving `at` past it.
std::optional<unsigned long long> next_number(std::string_view s, std::size_t& at) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '\n' || s[at] == '\r' || s[at] == '\t')) ++at;
  unsigned long long n = 0;
  const auto [end, ec] = std::from_chars(s.data() + at, s.data() + s.size(), n);
  if (ec != std::errc{}) return std::nullopt;
  at = static_cast<std::size_t>(end - s.data());
  return n;
}

}  // namespace

bool signed_to_the_end(std::string_view pdf) {
  if (!ends_in_update(pdf.substr(pdf.size() > kTail ? pdf.size() - kTail : 0))) return false;
  std::size_t at = pdf.rfind("/ByteRange");
  if (at == std::string_view::npos) return false;
  at = pdf.find('[', at);
  if (at == std::string_view::npos) return false;
  ++at;
  std::array<unsigned long long, 4> range{};
  for (auto& n : range) {
    const auto value = next_number(pdf, at);
    if (!value) return false;
    n = *value;
  }
  return range[0] == 0 && range[1] < range[2] && range[2] + range[3] == pdf.size();
}

bool pdf_file_signed(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st{};
  std::string tail;
  if (::fstat(fd, &st) == 0) {
    const off_t from = st.st_size > static_cast<off_t>(kTail) ? st.st_size - static_cast<off_t>(kTail) : 0;
    tail.resize(static_cast<std::size_t>(st.st_size - from));
    const ssize_t n = ::pread(fd, tail.data(), tail.size(), from);
    tail.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  }
  ::close(fd);
  if (!ends_in_update(tail)) return false;
  const std::optional<std::string> pdf = read_file_bytes(path);
  return pdf && signed_to_the_end(*pdf);
}

}  // namespace vanban::site
