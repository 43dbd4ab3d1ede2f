// The site's search index, written once by vanban and read in the browser by
// templates/site/assets/search.js, loaded by <script> tags (so it works from file:// too):
//   tim-kiem/index.js     vanbanSearch.meta({documents, shards, chunk})
//   tim-kiem/t-S.js       vanbanSearch.terms(S, {term: [doc, weight, doc, weight, ...]}): the
//                         postings of every folded term whose hash (term_shard) is S; doc ids
//                         delta-coded, weights the BM25 term part (subject words count 3 times)
//                         scaled to 1..99, so the browser only adds idf(term) x weight
//   tim-kiem/d-K.js       vanbanSearch.docs(K, [[href, subject, date, type], ...]): documents
//                         K*chunk ... in id order (newest first), for the 20 results shown
//   tim-kiem/v-N.js       vanbanSearch.text(N, "..."): document N's text (its body, or its
//                         subject when it has none; the first kSnippetTextBytes of a longer
//                         one), from which search.js cuts the snippet around the passage that
//                         holds most of the query's words
// A query loads index.js, one shard per distinct term, and the chunk and the text of each result
// it shows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "site/site_document.h"

namespace vanban::site {

struct SiteFile {
  std::string path;   // relative to the site folder: "tim-kiem/t-3.js"
  std::string bytes;
};

// FNV-1a (32 bits) of the term's UTF-8 bytes, modulo `shards`: search.js computes the same.
std::uint32_t term_shard(std::string_view term, std::uint32_t shards);

// The first `max_chars` characters (code points) of `text`, cut at a space, with "…" when cut.
std::string excerpt(std::string_view text, std::size_t max_chars);

constexpr std::size_t kDocumentsPerChunk = 16;
// A phone loads the text of each result shown: a month's summary with a table of every branch
// (800 KB at 10,000 branches) is cut to its start, where its words are matched against all of it.
constexpr std::size_t kSnippetTextBytes = 32 * 1024;

// `docs` in the order results are listed by default (newest first); id = position. Postings are
// split into as many shards (a power of two) as keep each near 32 KB.
std::vector<SiteFile> search_index_files(const std::vector<const SiteDocument*>& docs);

}  // namespace vanban::site
