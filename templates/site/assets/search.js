// Search in the browser over the index vanban writes (generator/site/search_index.h), loaded
// with <script> tags so the site also works opened from disk. Folding is the C++ one
// (generator/text/search_fold.h): NFD, every mark dropped, đ/Đ -> d, lower case.
"use strict";

function vanbanFold(s) {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}

function vanbanTerms(s) {
  return vanbanFold(s).match(/[\p{L}\p{N}]+/gu) || [];
}

// FNV-1a over the term's UTF-8 bytes (site::term_shard).
function vanbanShard(term, shards) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(term)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

// About 200 characters around the passage that holds the most distinct words of the query
// (then the most matches; then the earliest), from the start of a word: of the first of `texts`
// (the body, then the subject) that holds any, else the start of the first.
const VANBAN_SNIPPET = 200;
function vanbanSnippet(texts, terms) {
  const wanted = new Set(terms);
  let text = "", hits = [];  // [offset, end, term] of each matching word
  for (const candidate of texts) {
    const t = candidate.replace(/\s+/g, " ").trim();
    const found = [];
    const re = /[\p{L}\p{N}\p{M}]+/gu;
    for (let m; (m = re.exec(t));) {
      const folded = vanbanFold(m[0]);
      if (wanted.has(folded)) found.push([m.index, m.index + m[0].length, folded]);
    }
    if (found.length || candidate === texts[0]) [text, hits] = [t, found];
    if (found.length) break;
  }
  // Each window of the span from a matching word: the most distinct words, then the tightest
  // passage holding them all, then the most matches.
  let best = null;
  for (let i = 0, j = 0; i < hits.length; i++) {
    j = Math.max(j, i + 1);  // a word longer than the span is a passage of its own
    while (j < hits.length && hits[j][1] - hits[i][0] <= VANBAN_SNIPPET) j++;
    const distinct = new Set(hits.slice(i, j).map(h => h[2])).size;
    const seen = new Set();
    let k = i;
    for (; k < j; k++) if (seen.add(hits[k][2]).size === distinct) break;
    const window = { distinct, span: hits[k][1] - hits[i][0], count: j - i, from: hits[i][0], to: hits[k][1] };
    if (!best || distinct > best.distinct || (distinct === best.distinct &&
        (window.span < best.span || (window.span === best.span && window.count > best.count)))) {
      best = window;
    }
  }
  const at = best ? best.from : 0;
  // Some context before the passage, as much as the span leaves, cut at a space.
  const lead = best ? Math.max(0, Math.min(60, VANBAN_SNIPPET - (best.to - best.from))) : 0;
  let start = at - lead <= 0 ? 0 : text.indexOf(" ", at - lead) + 1;
  if (start > at) start = at;
  let end = Math.min(text.length, start + VANBAN_SNIPPET);
  if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), best ? best.to : start + 1);
  return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
}

const vanbanSearch = (() => {
  const state = { meta: null, shards: new Map(), chunks: new Map(), texts: new Map(), waiting: new Map() };
  const root = document.currentScript ? document.currentScript.src.replace(/assets\/search\.js.*$/, "") : "";

  function load(name) {
    if (!state.waiting.has(name)) {
      state.waiting.set(name, new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = root + "tim-kiem/" + name + ".js";
        script.onload = resolve;
        script.onerror = () => reject(new Error("cannot load " + script.src));
        document.head.appendChild(script);
      }));
    }
    return state.waiting.get(name);
  }

  async function postings(term) {
    const shard = vanbanShard(term, state.meta.shards);
    await load("t-" + shard);
    const list = state.shards.get(shard)[term];
    const out = [];
    if (!list) return out;
    for (let i = 0, doc = 0; i < list.length; i += 2) {
      doc += list[i];
      out.push([doc, list[i + 1]]);
    }
    return out;
  }

  async function documentRow(id) {
    const k = Math.floor(id / state.meta.chunk);
    await Promise.all([load("d-" + k), load("v-" + id)]);
    return state.chunks.get(k)[id - k * state.meta.chunk].concat([state.texts.get(id)]);
  }

  // Documents holding every term of the query, best first (BM25 with the subject's words
  // weighing more; ties: newest first, the index's order).
  async function query(text, limit) {
    if (!state.meta) await load("index");
    const terms = [...new Set(vanbanTerms(text))];
    if (terms.length === 0) return { terms, total: 0, rows: [] };
    const n = state.meta.documents;
    const scores = new Map();
    let first = true;
    for (const term of terms) {
      const list = await postings(term);
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      const next = new Map();
      for (const [doc, weight] of list) {
        if (first || scores.has(doc)) next.set(doc, (first ? 0 : scores.get(doc)) + idf * weight);
      }
      scores.clear();
      for (const [doc, s] of next) scores.set(doc, s);
      first = false;
    }
    const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const rows = await Promise.all(ranked.slice(0, limit).map(([doc]) => documentRow(doc)));
    return { terms, total: ranked.length, rows };
  }

  return {
    meta(m) { state.meta = m; },
    terms(shard, table) { state.shards.set(shard, table); },
    docs(chunk, rows) { state.chunks.set(chunk, rows); },
    text(id, text) { state.texts.set(id, text); },
    query,
  };
})();

// The page tim-kiem.html: results of ?q=, and again as the reader types.
(() => {
  const results = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const input = document.getElementById("q");
  if (!results || !status || !input) return;
  const LIMIT = 20;

  // `text` with the words whose fold is a query term in <mark>, as DOM nodes (never innerHTML).
  function highlighted(element, text, terms) {
    const wanted = new Set(terms);
    for (const part of text.split(/([\p{L}\p{N}\p{M}]+)/u)) {
      if (part && wanted.has(vanbanFold(part))) {
        const mark = document.createElement("mark");
        mark.textContent = part;
        element.appendChild(mark);
      } else if (part) {
        element.appendChild(document.createTextNode(part));
      }
    }
    return element;
  }

  let latest = 0;
  async function run(text) {
    const ticket = ++latest;
    if (!vanbanTerms(text).length) {
      results.replaceChildren();
      status.textContent = "Nhập từ cần tìm, có dấu hoặc không dấu.";
      return;
    }
    status.textContent = "Đang tìm…";
    let found;
    try {
      found = await vanbanSearch.query(text, LIMIT);
    } catch (e) {
      if (ticket === latest) status.textContent = "Không tải được chỉ mục tìm kiếm.";
      return;
    }
    if (ticket !== latest) return;
    const items = found.rows.map(([href, subject, date, kind, text]) => {
      const li = document.createElement("li");
      const title = document.createElement("p");
      title.className = "item-title";
      const a = highlighted(document.createElement("a"), subject, found.terms);
      a.href = href;
      title.appendChild(a);
      const meta = document.createElement("p");
      meta.className = "item-meta";
      meta.textContent = kind + " · " + date;
      const snippet = highlighted(document.createElement("p"), vanbanSnippet([text, subject], found.terms), found.terms);
      snippet.className = "snippet";
      li.append(title, meta, snippet);
      return li;
    });
    results.replaceChildren(...items);
    status.textContent = found.total === 0
      ? "Không tìm thấy văn bản nào có “" + text.trim() + "”."
      : "Tìm thấy " + found.total + " văn bản" + (found.total > LIMIT ? ", hiện " + LIMIT + " văn bản đầu" : "") + ".";
  }

  const initial = new URLSearchParams(location.search).get("q") || "";
  input.value = initial;
  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        const url = new URL(location.href);
        url.searchParams.set("q", input.value);
        history.replaceState(null, "", url);
      } catch (e) { /* an address the browser will not rewrite: the results still show */ }
      run(input.value);
    }, 150);
  });
  if (initial) run(initial);
  else status.textContent = "Nhập từ cần tìm, có dấu hoặc không dấu.";
})();
