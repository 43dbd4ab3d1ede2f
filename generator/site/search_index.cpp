#include "site/search_index.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "text/search_fold.h"
#include "text/unicode.h"

namespace vanban::site {

namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr int kSubjectWeight = 3;
constexpr std::size_t kShardTarget = 32 * 1024;
constexpr std::uint32_t kMaxShards = 4096;

// A string as a JSON string literal, safe inside a <script>: "<" is escaped, so no "</script>".
void append_json(std::string& out, std::string_view s) {
  out += '"';
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '<': out += "\\u003c"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

struct Posting {
  std::uint32_t doc;
  int weight;
};

}  // namespace

std::uint32_t term_shard(std::string_view term, std::uint32_t shards) {
  std::uint32_t h = 2166136261u;
  for (const char c : term) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return shards == 0 ? 0 : h % shards;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
  // Only the start of a long text (a guide's is 100 KB) can reach the excerpt: the bytes up to
  // max_chars + 2 code points once runs of white space count as one.
  std::size_t enough = 0;
  bool in_space = false;
  for (std::size_t chars = 0; enough < text.size(); ++enough) {
    const unsigned char c = static_cast<unsigned char>(text[enough]);
    if ((c & 0xC0) == 0x80) continue;
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!(space && in_space) && ++chars > max_chars + 2) break;
    in_space = space;
  }
  std::u32string s = text::to_u32(text::collapse_whitespace(text.substr(0, enough)));
  while (!s.empty() && s.front() == U' ') s.erase(s.begin());
  while (!s.empty() && s.back() == U' ') s.pop_back();
  if (s.size() <= max_chars) return text::to_utf8(s);
  std::size_t cut = s.rfind(U' ', max_chars);
  if (cut == std::u32string::npos || cut < max_chars / 2) cut = max_chars;
  return text::to_utf8(s.substr(0, cut)) + "…";
}

std::vector<SiteFile> search_index_files(const std::vector<const SiteDocument*>& docs) {
  // Weighted term frequencies per document, and the documents' weighted lengths.
  std::map<std::string, std::vector<std::pair<std::uint32_t, int>>> frequencies;
  std::vector<double> lengths(docs.size());
  double total_length = 0;
  for (std::uint32_t id = 0; id < docs.size(); ++id) {
    std::unordered_map<std::string, int> tf;
    for (std::string& t : text::search_terms(docs[id]->subject)) tf[std::move(t)] += kSubjectWeight;
    const std::size_t body_start = docs[id]->text.find('\n');
    if (body_start != std::string::npos)
      for (std::string& t : text::search_terms(std::string_view(docs[id]->text).substr(body_start))) ++tf[std::move(t)];
    for (const auto& [term, n] : tf) {
      frequencies[term].push_back({id, n});
      lengths[id] += n;
    }
    total_length += lengths[id];
  }
  const double average = docs.empty() ? 1 : std::max(1.0, total_length / docs.size());

  std::size_t postings = 0;
  for (const auto& [term, list] : frequencies) postings += list.size();
  std::uint32_t shards = 1;
  while (shards < kMaxShards && postings * 6 / shards > kShardTarget) shards *= 2;

  std::vector<std::string> shard_text(shards);
  for (auto& [term, list] : frequencies) {
    std::sort(list.begin(), list.end());
    std::string& out = shard_text[term_shard(term, shards)];
    out += out.empty() ? "" : ",\n";
    append_json(out, term);
    out += ":[";
    std::uint32_t previous = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto [doc, tf] = list[i];
      const double w = tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * lengths[doc] / average));
      const int weight = std::clamp(static_cast<int>(std::lround(w * 45)), 1, 99);
      if (i) out += ',';
      out += std::to_string(doc - previous) + ',' + std::to_string(weight);
      previous = doc;
    }
    out += ']';
  }

  std::vector<SiteFile> files;
  files.push_back({"tim-kiem/index.js", "vanbanSearch.meta({\"documents\":" + std::to_string(docs.size()) +
                                            ",\"shards\":" + std::to_string(shards) +
                                            ",\"chunk\":" + std::to_string(kDocumentsPerChunk) + "});\n"});
  for (std::uint32_t s = 0; s < shards; ++s)
    files.push_back({"tim-kiem/t-" + std::to_string(s) + ".js",
                     "vanbanSearch.terms(" + std::to_string(s) + ",{" + shard_text[s] + "});\n"});
  for (std::size_t k = 0; k * kDocumentsPerChunk < docs.size(); ++k) {
    std::string out = "vanbanSearch.docs(" + std::to_string(k) + ",[\n";
    for (std::size_t i = k * kDocumentsPerChunk; i < std::min(docs.size(), (k + 1) * kDocumentsPerChunk); ++i) {
      const SiteDocument& d = *docs[i];
      if (i != k * kDocumentsPerChunk) out += ",\n";
      out += '[';
      append_json(out, "van-ban/" + d.slug + ".html");
      out += ',';
      append_json(out, d.subject);
      out += ',';
      append_json(out, date_dmy(d.date));
      out += ',';
      append_json(out, d.type_label + (d.number.empty() ? "" : " số " + d.number) + " · " + d.issuer);
      out += ']';
    }
    files.push_back({"tim-kiem/d-" + std::to_string(k) + ".js", out + "\n]);\n"});
  }
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const std::string_view text = docs[i]->text;
    const std::size_t body_start = text.find('\n');
    const std::string_view body = body_start == std::string_view::npos ? std::string_view() : text.substr(body_start + 1);
    std::string_view shown = body.find_first_not_of(" \n") == std::string_view::npos ? docs[i]->subject : body;
    if (shown.size() > kSnippetTextBytes) {  // cut at a space, never inside a code point
      const std::size_t space = shown.rfind(' ', kSnippetTextBytes);
      shown = shown.substr(0, space == std::string_view::npos ? 0 : space);
    }
    std::string out = "vanbanSearch.text(" + std::to_string(i) + ",";
    append_json(out, shown);
    files.push_back({"tim-kiem/v-" + std::to_string(i) + ".js", out + ");\n"});
  }
  return files;
}

}  // namespace vanban::site
