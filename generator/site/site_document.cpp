#include "site/site_document.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace vanban::site {

namespace {

// The first bytes read of a record: its fields, unless they are unusually long.
constexpr std::size_t kFirstRead = 2048;

// An open file, closed when it goes.
class ReadFile {
 public:
  explicit ReadFile(const std::string& path) : fd_(open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) {}
  ~ReadFile() {
    if (fd_ >= 0) close(fd_);
  }
  ReadFile(const ReadFile&) = delete;
  ReadFile& operator=(const ReadFile&) = delete;

  // A regular file of `size` bytes.
  bool is_file_of_size(std::uint64_t size) const {
    struct stat st{};
    return fd_ >= 0 && fstat(fd_, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) == size;
  }
  // Exactly `bytes` bytes from `offset`, or nothing.
  std::optional<std::string> read(std::uint64_t offset, std::uint64_t bytes) const {
    if (fd_ < 0) return std::nullopt;
    std::string out(bytes, '\0');
    std::size_t done = 0;
    while (done < out.size()) {
      const ssize_t n = pread(fd_, out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
      if (n <= 0) return std::nullopt;
      done += static_cast<std::size_t>(n);
    }
    return out;
  }

 private:
  int fd_;
};

std::optional<std::string> read_range(const RecordPlace& record, std::uint64_t offset, std::uint64_t bytes) {
  const ReadFile file(record.path);
  if (!file.is_file_of_size(record.size)) return std::nullopt;
  return file.read(offset, bytes);
}

}  // namespace

std::variant<SiteDocument, std::string> read_record_fields(const std::string& path, std::uint64_t size) {
  const ReadFile file(path);
  if (!file.is_file_of_size(size)) return std::string("not the file vanban build wrote");
  std::optional<std::string> head = file.read(0, std::min<std::uint64_t>(size, kFirstRead));
  std::optional<SiteArticleHead> fields = head ? parse_site_article_head(*head) : std::nullopt;
  if (!fields && head && head->size() < size) {  // fields longer than the first read: all of it
    head = file.read(0, size);
    if (head) fields = parse_site_article_head(*head);
  }
  if (!fields || fields->sheet_offset + fields->sheet_bytes > size) return std::string("cannot be read as an article record");
  const std::uint64_t sheet_end = fields->sheet_offset + fields->sheet_bytes;
  // The text's label line: in what was read already, else read now ("text " and 20 digits).
  std::optional<std::string> label;
  if (sheet_end + 32 <= head->size() || head->size() == size) label = head->substr(sheet_end);
  else label = file.read(sheet_end, std::min<std::uint64_t>(size - sheet_end, 32));
  const std::optional<SiteArticleTextPlace> text = label ? parse_site_article_text_label(*label) : std::nullopt;
  if (!text || sheet_end + text->offset + text->bytes != size) return std::string("cannot be read as an article record");

  SiteDocument d;
  static_cast<SiteArticle&>(d) = std::move(fields->fields);
  d.record = {path, size, fields->sheet_offset, fields->sheet_bytes, sheet_end + text->offset, text->bytes};
  return d;
}

std::optional<std::string> read_sheet(const RecordPlace& record) {
  return read_range(record, record.sheet_offset, record.sheet_bytes);
}

std::optional<std::string> read_text(const RecordPlace& record, std::uint64_t at_most) {
  return read_range(record, record.text_offset, std::min(record.text_bytes, at_most));
}

std::string date_dmy(const CivilDate& d) {
  return std::to_string(d.day) + "/" + std::to_string(d.month) + "/" + std::to_string(d.year);
}

std::string date_iso(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

}  // namespace vanban::site
