// The board's site (`vanban build` writes it to OUT/site) served from 127.0.0.1 and read in
// Chromium as the site contract promises (docs/site.md): every link followed from index.html,
// search with and without diacritics, the keyboard, an article's PDF, each kind of page at 1280
// and 390 px (screenshots kept in --artifacts) with axe-core, the feed and the sitemap, the home
// page's weight. Any request that leaves 127.0.0.1 fails the run.
//
//   node --test-reporter=spec site.test.mjs --site OUT/site --artifacts DIR
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseArgs } from 'node:util';
import { isolatedContext, launchChromium } from './lib/browser.mjs';
import { checkAtom, checkSitemap } from './lib/feeds.mjs';
import { fold, foldedWords } from './lib/fold.mjs';
import { axeViolations, faceFallbacks, headingOrder, horizontalOverflow, tableHeaders } from './lib/page-checks.mjs';
import { describePage, pageKind } from './lib/site-pages.mjs';
import { searchResults } from './lib/search-page.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const { values: args } = parseArgs({ options: { site: { type: 'string' }, artifacts: { type: 'string' } } });
assert.ok(args.site && args.artifacts, 'usage: site.test.mjs --site OUT/site --artifacts DIR');

describe('site', () => {
  let browser, server, context, external, page;
  const pages = new Map();  // site path -> describePage() of it
  let base = '';            // the site's public address, from an article's canonical link

  before(async () => {
    assert.ok(existsSync(join(args.site, 'index.html')), `${args.site}/index.html is missing: the site was not built`);
    mkdirSync(args.artifacts, { recursive: true });
    server = await startStaticServer(args.site);
    browser = await launchChromium();
    ({ context, external } = await isolatedContext(browser, [server.origin]));
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('every link from index.html leads to a page or file that loads, with what the contract names', async () => {
    const problems = [];
    const queue = ['/index.html'];
    const seen = new Set(queue);
    const follow = (from, link) => {
      const url = new URL(link.url);
      if (url.origin !== server.origin) return;  // canonical and og:url name the public site
      if (link.raw.endsWith('/')) problems.push(`${from}: link "${link.raw}" names a folder, not a file`);
      if (!seen.has(url.pathname)) { seen.add(url.pathname); queue.push(url.pathname); }
    };
    while (queue.length) {
      const current = queue.shift();
      if (!current.endsWith('.html')) {
        const response = await context.request.get(server.origin + current);
        if (response.status() !== 200) problems.push(`${current}: ${response.status()}`);
        // A style sheet's fonts and images are files of the site too.
        if (current.endsWith('.css')) {
          for (const [, raw] of (await response.text()).matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
            if (!raw.startsWith('data:')) follow(current, { raw, url: new URL(raw, server.origin + current).href });
          }
        }
        continue;
      }
      const response = await context.request.get(server.origin + current);
      if (response.status() !== 200) { problems.push(`${current}: ${response.status()}`); continue; }
      const info = await page.evaluate(describePage, [await response.text(), server.origin + current]);
      pages.set(current, info);
      for (const link of info.links) if (link.rel !== 'canonical') follow(current, link);
    }

    const footers = new Set();
    for (const [path, info] of pages) {
      const where = `${path}:`;
      if (info.lang !== 'vi') problems.push(`${where} <html lang="${info.lang}">`);
      if (info.h1.length !== 1) problems.push(`${where} ${info.h1.length} h1`);
      if (!info.searchForm || !/(^|\/)tim-kiem\.html$/.test(info.searchForm.action) || info.searchForm.input !== 'search q') {
        problems.push(`${where} no search form to tim-kiem.html with <input type="search" id="q" name="q"> in its header`);
      }
      if (!info.footer) problems.push(`${where} no footer`);
      footers.add(info.footer);
      if (pageKind(path) !== 'article') continue;
      if (!/^https?:\/\//.test(info.canonical) || !info.canonical.endsWith(path.slice(1))) problems.push(`${where} canonical "${info.canonical}"`);
      if (!info.ogTitle || !info.ogDescription) problems.push(`${where} og:title or og:description missing`);
      if (!info.article) { problems.push(`${where} no <article>`); continue; }
      if (info.article.meta.length < 5) problems.push(`${where} dl.doc-meta has ${info.article.meta.length} terms (number, date, issuer, type, subject)`);
      if (!info.article.pdf?.endsWith('.pdf') || /^[a-z]+:|^\//.test(info.article.pdf)) problems.push(`${where} a.pdf-link "${info.article.pdf}"`);
      const type = fold(info.article.meta.map(([, value]) => value).join(' '));
      if (type.includes('tai lieu sinh hoat') && !info.article.booklet) problems.push(`${where} a guide without a.booklet-link`);
      if (info.article.related < 1) problems.push(`${where} no "Tin khác" links`);
      base ||= info.canonical.slice(0, info.canonical.length - path.length + 1);
    }
    if (footers.size !== 1) problems.push(`${footers.size} different footers`);
    const kinds = [...pages.keys()].map(pageKind);
    for (const kind of ['home', 'search', 'article', 'listing']) {
      if (!kinds.includes(kind)) problems.push(`no ${kind} page reached from index.html`);
    }
    for (const prefix of ['/thang/', '/loai/', '/co-quan/']) {
      if (![...pages.keys()].some(p => p.startsWith(prefix))) problems.push(`no listing under ${prefix}`);
    }
    if (![...pages.values()].some(info => info.pagination.length) || ![...pages.keys()].some(p => /-p2\.html$/.test(p))) {
      problems.push('no listing is paginated (nav.pagination with a …-p2.html page)');
    }
    if (![...pages.values()].some(info => info.article?.booklet)) problems.push('no article links an A5 booklet');
    assert.deepEqual(problems, []);
  });

  // The documents holding every folded word of `query` in their text (metadata left out), and
  // those holding them anywhere in the article (metadata included).
  function holding(query) {
    const words = [...foldedWords(query)];
    const pick = field => new Set([...pages].filter(([path, info]) => pageKind(path) === 'article' &&
      words.every(w => foldedWords(info.article[field]).has(w))).map(([path]) => path));
    return { must: pick('documentText'), may: pick('text'), words };
  }

  const variants = [['uon nan', 'uốn nắn', 'Uon Nan'], ['dang uy', 'Đảng ủy', 'DANG UY']];
  const lists = [], unmarked = [];  // every result list, and results whose snippet marks nothing
  for (const spellings of variants) {
    it(`search finds the same documents for ${spellings.map(s => `"${s}"`).join(', ')}: those that contain them`, async () => {
      assert.ok(pages.size, 'the crawl did not run');
      const { must, may, words } = holding(spellings[0]);
      assert.ok(must.size > 0, `no document of the sample content contains "${spellings[0]}": the test needs one`);
      const orders = [];
      for (const query of spellings) {
        const results = await searchResults(page, `${server.origin}/tim-kiem.html?q=${encodeURIComponent(query)}`);
        await page.screenshot({ path: join(args.artifacts, `search-${fold(query).replace(/\W+/g, '-')}.png`), fullPage: true });
        orders.push(results.map(r => r.path));
        const paths = results.map(r => r.path);
        const missing = [...must].filter(p => !paths.includes(p));
        if (results.length >= must.size) assert.deepEqual(missing, [], `"${query}": documents containing it not found`);
        else assert.ok(results.length >= 10, `"${query}": ${results.length} results of ${must.size}`);
        for (const r of results) {
          assert.ok(may.has(r.path), `"${query}": ${r.path} does not contain ${words.join(' ')}`);
          assert.ok(r.title.trim(), `"${query}": a result without a title`);
          assert.ok(r.marks.every(m => words.includes(fold(m))), `"${query}": snippet of ${r.path} marks ${JSON.stringify(r.marks)}`);
          if (!r.marks.length) unmarked.push(`"${query}": ${r.path}`);
        }
      }
      lists.push(...orders);
      for (const order of orders.slice(1)) assert.deepEqual(order, orders[0], 'folded spellings rank differently');
    });
  }

  // The snippet is cut around the passage holding most of the query's words, wherever it is in
  // the document (the subject's when the body holds none), so every result shows what it matched.
  it('every result\'s snippet shows the words it matched', () => {
    assert.ok(lists.length, 'the searches did not run');
    assert.deepEqual(unmarked, [], 'results whose snippet marks no word of the query');
  });

  it('search for "dang" finds "Đảng", marked in the snippets', async () => {
    const results = await searchResults(page, `${server.origin}/tim-kiem.html?q=dang`);
    assert.ok(results.length > 0, 'no result for "dang"');
    const marks = results.flatMap(r => r.marks);
    assert.ok(marks.some(m => m.normalize('NFC').toLowerCase() === 'đảng'), `marks: ${JSON.stringify(marks.slice(0, 20))}`);
    const { may } = holding('dang');
    for (const r of results) assert.ok(may.has(r.path), `${r.path} does not contain "dang"`);
  });

  it('search for a word in no document says so in #search-status', async () => {
    const results = await searchResults(page, `${server.origin}/tim-kiem.html?q=xylophon`);
    assert.deepEqual(results, []);
    const status = await page.locator('#search-status');
    assert.equal(await status.getAttribute('role'), 'status');
    assert.ok((await status.innerText()).trim(), '#search-status is empty');
  });

  it('search answers as the reader types', async () => {
    const submitted = (await searchResults(page, `${server.origin}/tim-kiem.html?q=uon%20nan`)).map(r => r.path);
    await page.goto(`${server.origin}/tim-kiem.html`);
    await page.locator('#q').pressSequentially('uon nan', { delay: 20 });
    let typed = [];
    for (const start = Date.now(); Date.now() - start < 10000; await page.waitForTimeout(200)) {
      typed = await page.evaluate(() => [...document.querySelectorAll('#search-results > li a[href]')].map(a => new URL(a.href).pathname));
      if (typed.join() === submitted.join()) break;
    }
    assert.ok(submitted.length > 0, 'no result for "uon nan"');
    assert.deepEqual(typed, submitted, 'typing "uon nan" shows other results than ?q=uon%20nan');
  });

  it('the keyboard reaches the search box from the top of a page, and then the results', async () => {
    await page.goto(`${server.origin}/index.html`);
    const focused = () => page.evaluate(() => {
      const e = document.activeElement;
      const style = getComputedStyle(e);
      return { id: e.id, inResults: !!e.closest('#search-results'), tag: e.tagName,
               visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
    });
    let presses = 0;
    for (; presses < 15 && (await focused()).id !== 'q'; presses++) await page.keyboard.press('Tab');
    assert.equal((await focused()).id, 'q', 'Tab never reaches #q');
    await page.keyboard.type('dang uy');
    await Promise.all([page.waitForURL(/tim-kiem\.html\?q=dang(\+|%20)uy/), page.keyboard.press('Enter')]);
    assert.ok((await searchResults(page)).length > 0, 'no results after Enter');
    let state;
    for (presses = 0; presses < 40 && !(state = await focused()).inResults; presses++) await page.keyboard.press('Tab');
    assert.ok(state.inResults && state.tag === 'A', 'Tab never reaches a result link');
    assert.ok(state.visible, 'the focused result shows no focus outline');
    await page.screenshot({ path: join(args.artifacts, 'search-keyboard-focus.png') });
  });

  it('an article\'s PDF (and a guide\'s A5 booklet) is served as a PDF', async () => {
    const article = [...pages].find(([path, info]) => pageKind(path) === 'article' && info.article.booklet);
    assert.ok(article, 'no guide article');
    const [path, info] = article;
    for (const href of [info.article.pdf, info.article.booklet, info.article.signed].filter(Boolean)) {
      const url = new URL(href, server.origin + path).href;
      const response = await context.request.get(url);
      assert.equal(response.status(), 200, url);
      assert.match(response.headers()['content-type'], /^application\/pdf/, url);
      assert.equal((await response.body()).subarray(0, 5).toString('latin1'), '%PDF-', url);
    }
  });

  it('an article is drawn in the shipped face, whose Vietnamese letters the PDF uses too', async () => {
    const [path] = [...pages].find(([p]) => pageKind(p) === 'article');
    const page = await context.newPage();
    try {
      await page.goto(server.origin + path, { waitUntil: 'load' });
      // An installed Liberation Serif 1.07 has no "ộ": were it used, the browser would borrow the
      // letter from another face. The site's own face, loaded from its assets, has every one.
      const faces = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/"/g, ''));
      });
      assert.ok(faces.includes('Vanban Serif'), `faces loaded: ${faces.join(', ')}`);
      const drawn = await page.evaluate(() => document.fonts.check('14pt "Vanban Serif"', 'Hội Liên hiệp Phụ nữ Việt Nam'));
      assert.ok(drawn);
      assert.deepEqual(await faceFallbacks(page, '.sheet'), []);
    } finally {
      await page.close();
    }
  });

  it('each kind of page reads at 1280 and 390 px, with no serious axe-core violation', async () => {
    const paths = [...pages.keys()];
    const articles = [...pages].filter(([p]) => pageKind(p) === 'article');
    const samples = {
      home: '/index.html',
      'listing-month': paths.find(p => p.startsWith('/thang/')),
      'listing-type': paths.find(p => p.startsWith('/loai/')),
      'listing-organisation': paths.find(p => p.startsWith('/co-quan/')),
      'listing-page-2': paths.find(p => /-p2\.html$/.test(p)),
      article: articles[0]?.[0],
      'article-chart': articles.find(([, info]) => info.article.charts && info.article.tables)?.[0],
      'article-guide': articles.find(([, info]) => info.article.booklet)?.[0],
      search: '/tim-kiem.html?q=dang%20uy',
    };
    const problems = [];
    // The browser asks for /favicon.ico by itself; the site need not have one.
    const onResponse = r => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`); };
    const onError = e => problems.push(`script error: ${e.message}`);
    page.on('response', onResponse);
    page.on('pageerror', onError);
    for (const [kind, path] of Object.entries(samples)) {
      if (!path) { problems.push(`no ${kind} page`); continue; }
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width > 1000 ? 900 : 844 });
        if (kind === 'search') await searchResults(page, server.origin + path);
        else await page.goto(server.origin + path, { waitUntil: 'load' });
        await page.screenshot({ path: join(args.artifacts, `${kind}-${width}.png`), fullPage: true });
        problems.push(...(await horizontalOverflow(page)).map(p => `${kind} ${path} at ${width} px: ${p}`));
        if (width === 1280) {
          for (const found of [...await headingOrder(page), ...await tableHeaders(page), ...await axeViolations(page)]) {
            problems.push(`${kind} ${path}: ${found}`);
          }
        }
      }
    }
    page.off('response', onResponse);
    page.off('pageerror', onError);
    assert.deepEqual(problems, []);
  });

  it('feed.xml is an Atom feed of the newest documents, with absolute links to them', async () => {
    assert.ok(base, 'no article gave the site\'s address');
    const response = await context.request.get(`${server.origin}/feed.xml`);
    assert.equal(response.status(), 200);
    const { problems, urls } = await checkAtom(page, await response.text());
    assert.deepEqual(problems, []);
    const articles = urls.filter(u => u.startsWith(`${base}van-ban/`));
    assert.ok(articles.length > 0, `no entry links an article under ${base}van-ban/`);
    for (const url of urls.filter(u => u.startsWith(base))) {
      assert.ok(existsSync(join(args.site, decodeURIComponent(url.slice(base.length)))), `${url}: no such file in the site`);
    }
  });

  it('sitemap.xml lists every page, each at an absolute address of a file in the site', async () => {
    const response = await context.request.get(`${server.origin}/sitemap.xml`);
    assert.equal(response.status(), 200);
    const { problems, urls } = await checkSitemap(page, await response.text());
    assert.deepEqual(problems, []);
    const listed = new Set();
    for (const url of urls) {
      assert.ok(url.startsWith(base), `${url} is not under ${base}`);
      const path = decodeURIComponent(url.slice(base.length));
      assert.ok(existsSync(join(args.site, path)), `${url}: no such file in the site`);
      listed.add(`/${path}`);
    }
    const missing = [...pages.keys()].filter(p => !listed.has(p) && p !== '/tim-kiem.html');
    assert.deepEqual(missing, [], 'pages the sitemap does not list');
  });

  it('the home page weighs under 100 KB before any document is opened', async () => {
    const fresh = await browser.newContext();
    try {
      const home = await fresh.newPage();
      const from = server.log.length;
      await home.goto(`${server.origin}/index.html`, { waitUntil: 'networkidle' });
      const loaded = server.log.slice(from);
      const bytes = loaded.reduce((sum, entry) => sum + entry.bytes, 0);
      const detail = loaded.map(e => `${e.path} ${e.bytes}`).join(', ');
      console.log(`home page: ${bytes} bytes in ${loaded.length} requests (${detail})`);
      assert.ok(bytes < 100 * 1024, `the home page loads ${bytes} bytes: ${detail}`);
    } finally {
      await fresh.close();
    }
  });

  it('nothing was requested outside 127.0.0.1', () => assert.deepEqual(external, []));
});
