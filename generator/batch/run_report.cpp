#include "batch/run_report.h"

#include <cstdio>

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

using Out = std::function<void(std::string_view)>;

void name_list(const FolderOutcome& o, Listed list, const Out& out) {
  out("[");
  std::size_t i = 0;
  if (o.ledger) o.ledger->for_each(list, [&](std::string_view name) { out((i++ ? ", " : "") + json_string(name)); });
  out("]");
}

void diagnostic_list(const Diagnostics& list, const Out& out) {
  out("[");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Diagnostic& d = list[i];
    out(std::string(i ? "," : "") + "\n    {\"file\": " + json_string(d.file) +
        ", \"line\": " + std::to_string(d.line) + ", \"column\": " + std::to_string(d.column) +
        ", \"message\": " + json_string(d.message) + "}");
  }
  out(list.empty() ? "]" : "\n  ]");
}

void written_list(const FolderOutcome& o, const Out& out) {
  out("[");
  std::size_t i = 0;
  if (o.ledger)
    o.ledger->for_each_written([&](const BuiltDocument& d) {
      std::string line = std::string(i++ ? "," : "") + "\n    {\"name\": " + json_string(d.name) +
                         ", \"kind\": " + json_string(d.kind);
      if (d.pages > 0) line += ", \"pages\": " + std::to_string(d.pages);
      line += ", \"pdf_bytes\": " + std::to_string(d.pdf_bytes) + ", \"html_bytes\": " + std::to_string(d.html_bytes);
      if (d.booklet_bytes > 0) line += ", \"booklet_pdf_bytes\": " + std::to_string(d.booklet_bytes);
      out(line + "}");
    });
  out(i == 0 ? "]" : "\n  ]");
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

void write_run_report(const FolderOutcome& o, std::string_view version, const Out& out) {
  out("{\n");
  out("  \"vanban\": " + json_string(version) + ",\n");
  out("  \"folder\": " + json_string(o.label) + ",\n");
  out("  \"input\": " + json_string(o.input) + ",\n");
  out("  \"output\": " + json_string(o.output_dir) + ",\n");
  out(std::string("  \"interrupted\": ") + (o.interrupted ? "true" : "false") + ",\n");
  out("  \"counts\": {\"documents\": " + std::to_string(o.documents) +
      ", \"written\": " + std::to_string(o.written()) +
      ", \"unchanged\": " + std::to_string(o.count(Listed::Unchanged)) +
      ", \"failed\": " + std::to_string(o.count(Listed::Failed)) +
      ", \"removed\": " + std::to_string(o.count(Listed::Removed)) +
      ", \"rejected\": " + std::to_string(o.rejected.size()) +
      ", \"warnings\": " + std::to_string(o.warnings.size()) + "},\n");
  out("  \"written\": ");
  written_list(o, out);
  out(",\n  \"unchanged\": ");
  name_list(o, Listed::Unchanged, out);
  out(",\n  \"failed\": ");
  name_list(o, Listed::Failed, out);
  out(",\n  \"removed\": ");
  name_list(o, Listed::Removed, out);
  out(",\n  \"rejected\": ");
  diagnostic_list(o.rejected, out);
  out(",\n  \"warnings\": ");
  diagnostic_list(o.warnings, out);
  out("\n}\n");
}

}  // namespace vanban
