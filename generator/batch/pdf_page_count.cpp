#include "batch/pdf_page_count.h"

#include <algorithm>
#include <charconv>
#include <cctype>

namespace vanban {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// The dictionary around `pos`: from the last "<<" before it to the first ">>" after it.
std::string_view enclosing_dictionary(std::string_view pdf, std::size_t pos) {
  const std::size_t open = pdf.rfind("<<", pos);
  const std::size_t close = pdf.find(">>", pos);
  if (open == std::string_view::npos || close == std::string_view::npos) return {};
  return pdf.substr(open, close - open);
}

int count_in(std::string_view dict) {
  const std::size_t key = dict.find("/Count");
  if (key == std::string_view::npos) return 0;
  std::size_t p = key + 6;
  while (p < dict.size() && is_space(dict[p])) ++p;
  int count = 0;
  std::from_chars(dict.data() + p, dict.data() + dict.size(), count);
  return count;
}

}  // namespace

int pdf_page_count(std::string_view pdf) {
  int pages = 0;
  for (std::size_t type = pdf.find("/Type"); type != std::string_view::npos; type = pdf.find("/Type", type + 5)) {
    std::size_t p = type + 5;
    while (p < pdf.size() && is_space(pdf[p])) ++p;
    const std::string_view value = pdf.substr(p, 7);
    if (value.substr(0, 6) != "/Pages" || (value.size() == 7 && std::isalnum(static_cast<unsigned char>(value[6]))))
      continue;
    pages = std::max(pages, count_in(enclosing_dictionary(pdf, type)));
  }
  return pages;
}

}  // namespace vanban
