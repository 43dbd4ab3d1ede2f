#include "batch/run_report.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace vanban {

namespace {

// Length of the valid UTF-8 sequence at the front of `s`, or 0.
std::size_t utf8_length(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const auto cont = [&](std::size_t i) { return i < s.size() && (b(i) & 0xC0) == 0x80; };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if ((c == 0xE0 && b(1) < 0xA0) || (c == 0xED && b(1) > 0x9F)) return 0;  // overlong, surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if ((c == 0xF0 && b(1) < 0x90) || (c == 0xF4 && b(1) > 0x8F)) return 0;
    return 4;
  }
  return 0;
}

std::string name_list(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  std::string out = "[";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + json_string(names[i]);
  return out + "]";
}

std::string diagnostic_list(const Diagnostics& list) {
  std::string out = "[";
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Diagnostic& d = list[i];
    out += std::string(i ? "," : "") + "\n    {\"file\": " + json_string(d.file) +
           ", \"line\": " + std::to_string(d.line) + ", \"column\": " + std::to_string(d.column) +
           ", \"message\": " + json_string(d.message) + "}";
  }
  return out + (list.empty() ? "]" : "\n  ]");
}

std::string written_list(std::vector<BuiltDocument> docs) {
  std::sort(docs.begin(), docs.end(), [](const BuiltDocument& a, const BuiltDocument& b) { return a.name < b.name; });
  std::string out = "[";
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const BuiltDocument& d = docs[i];
    out += std::string(i ? "," : "") + "\n    {\"name\": " + json_string(d.name) + ", \"kind\": " + json_string(d.kind);
    if (d.pages > 0) out += ", \"pages\": " + std::to_string(d.pages);
    out += ", \"pdf_bytes\": " + std::to_string(d.pdf_bytes) + ", \"html_bytes\": " + std::to_string(d.html_bytes);
    if (d.booklet_bytes > 0) out += ", \"booklet_pdf_bytes\": " + std::to_string(d.booklet_bytes);
    out += "}";
  }
  return out + (docs.empty() ? "]" : "\n  ]");
}

}  // namespace

std::string json_string(std::string_view s) {
  std::string out = "\"";
  while (!s.empty()) {
    const std::size_t n = utf8_length(s);
    if (n == 0) {
      out += "\\ufffd";
      s.remove_prefix(1);
      continue;
    }
    const char c = s[0];
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out.append(s.data(), n);
    }
    s.remove_prefix(n);
  }
  return out + "\"";
}

std::string run_report_json(const FolderOutcome& o, std::string_view version) {
  std::string out = "{\n";
  out += "  \"vanban\": " + json_string(version) + ",\n";
  out += "  \"folder\": " + json_string(o.label) + ",\n";
  out += "  \"input\": " + json_string(o.input) + ",\n";
  out += "  \"output\": " + json_string(o.output_dir) + ",\n";
  out += std::string("  \"interrupted\": ") + (o.interrupted ? "true" : "false") + ",\n";
  out += "  \"counts\": {\"documents\": " + std::to_string(o.documents) +
         ", \"written\": " + std::to_string(o.written.size()) +
         ", \"unchanged\": " + std::to_string(o.unchanged.size()) +
         ", \"failed\": " + std::to_string(o.failed.size()) +
         ", \"removed\": " + std::to_string(o.removed.size()) +
         ", \"rejected\": " + std::to_string(o.rejected.size()) +
         ", \"warnings\": " + std::to_string(o.warnings.size()) + "},\n";
  out += "  \"written\": " + written_list(o.written) + ",\n";
  out += "  \"unchanged\": " + name_list(o.unchanged) + ",\n";
  out += "  \"failed\": " + name_list(o.failed) + ",\n";
  out += "  \"removed\": " + name_list(o.removed) + ",\n";
  out += "  \"rejected\": " + diagnostic_list(o.rejected) + ",\n";
  out += "  \"warnings\": " + diagnostic_list(o.warnings) + "\n";
  return out + "}\n";
}

}  // namespace vanban
