#include "batch/write_if_changed.h"

#include <algorithm>
#include <filesystem>
#include <utility>

namespace vanban {

namespace fs = std::filesystem;

std::string write_if_changed(const std::string& dir, const std::string& name, std::string_view bytes,
                             bool* written) {
  FileIfChanged file(dir, name);
  file.write(bytes);
  return file.finish(written);
}

FileIfChanged::FileIfChanged(std::string dir, std::string name) : dir_(std::move(dir)), name_(std::move(name)) {
  // Only a regular file is compared: a link in its place is replaced, never read or followed.
  const fs::path path = fs::path(dir_) / name_;
  std::error_code ec;
  if (fs::is_regular_file(fs::symlink_status(path, ec))) old_.open(path, std::ios::binary);
}

void FileIfChanged::write(std::string_view bytes) {
  if (!error_.empty()) return;
  if (!new_ && old_.is_open()) {
    old_bytes_.resize(bytes.size());
    old_.read(old_bytes_.data(), static_cast<std::streamsize>(bytes.size()));
    if (static_cast<std::size_t>(old_.gcount()) == bytes.size() && old_bytes_ == bytes) {
      matched_ += bytes.size();
      return;
    }
  }
  if (!new_) start_new_file();
  if (new_) new_->write(bytes);
}

// The new file begins with the bytes that matched, copied from the old one.
void FileIfChanged::start_new_file() {
  new_ = AtomicFile::create(dir_, name_, error_);
  if (!new_ || matched_ == 0) {
    old_.close();
    return;
  }
  old_.clear();
  old_.seekg(0);
  std::string chunk(std::min<std::uint64_t>(matched_, std::uint64_t{1} << 16), '\0');
  for (std::uint64_t left = matched_; left > 0;) {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, chunk.size()));
    if (!old_.read(chunk.data(), static_cast<std::streamsize>(n))) {
      error_ = "cannot read '" + (fs::path(dir_) / name_).string() + "' again";
      new_.reset();
      return;
    }
    new_->write(std::string_view(chunk.data(), n));
    left -= n;
  }
  old_.close();
}

std::string FileIfChanged::finish(bool* written) {
  if (written) *written = false;
  // Every piece matched: unchanged unless the old file goes on.
  if (!new_ && error_.empty() && old_.is_open() && old_.peek() == std::ifstream::traits_type::eof() && !old_.bad())
    return {};
  if (!new_ && error_.empty()) start_new_file();
  if (!error_.empty()) return error_;
  error_ = std::exchange(new_, nullptr)->commit();
  if (written) *written = error_.empty();
  return error_;
}

}  // namespace vanban
