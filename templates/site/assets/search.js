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

const vanbanSearch = (() => {
  const state = { meta: null, shards: new Map(), chunks: new Map(), waiting: new Map() };
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
    await load("d-" + k);
    return state.chunks.get(k)[id - k * state.meta.chunk];
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

  // About 200 characters of `text` from a little before its first matching word.
  function around(text, terms) {
    const wanted = new Set(terms);
    const re = /[\p{L}\p{N}\p{M}]+/gu;
    let m, at = 0;
    while ((m = re.exec(text))) {
      if (wanted.has(vanbanFold(m[0]))) { at = m.index; break; }
    }
    let start = at < 60 ? 0 : text.lastIndexOf(" ", at - 40) + 1;
    let end = Math.min(text.length, start + 200);
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), at + 1);
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
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
    const items = found.rows.map(([href, subject, date, kind, excerpt]) => {
      const li = document.createElement("li");
      const title = document.createElement("p");
      title.className = "item-title";
      const a = highlighted(document.createElement("a"), subject, found.terms);
      a.href = href;
      title.appendChild(a);
      const meta = document.createElement("p");
      meta.className = "item-meta";
      meta.textContent = kind + " · " + date;
      const snippet = highlighted(document.createElement("p"), around(excerpt, found.terms), found.terms);
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
