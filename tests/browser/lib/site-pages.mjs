// What the site contract (docs/site.md) promises of a page, read from its HTML as the browser
// parses it (no rendering: the crawl reads every page, the layout checks render a few). Runs in
// the browser with the page's HTML and address.
export function describePage([html, address]) {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const meta = property => document.querySelector(`meta[property="${property}"]`)?.getAttribute('content') ?? '';
  const text = element => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const links = [...document.querySelectorAll('a[href], link[href], script[src], img[src], source[src], iframe[src]')]
    .map(element => ({
      tag: element.tagName.toLowerCase(),
      rel: element.getAttribute('rel') ?? '',
      raw: element.getAttribute('href') ?? element.getAttribute('src'),
      url: new URL(element.getAttribute('href') ?? element.getAttribute('src'), address).href,
    }));
  const article = document.querySelector('article');
  let documentText = '';
  if (article) {
    const copy = article.cloneNode(true);
    copy.querySelector('dl.doc-meta')?.remove();
    documentText = copy.textContent;
  }
  const form = document.querySelector('header form[role=search]');
  const q = form?.querySelector('input#q');
  const related = document.querySelector('nav.related') ??
    [...document.querySelectorAll('section')].find(s => /^Tin khác/.test(text(s.querySelector('h2, h3'))));
  return {
    lang: document.documentElement.lang,
    title: document.title,
    h1: [...document.querySelectorAll('h1')].map(text),
    canonical: document.querySelector('link[rel=canonical]')?.getAttribute('href') ?? '',
    ogTitle: meta('og:title'),
    ogDescription: meta('og:description'),
    searchForm: form ? { action: form.getAttribute('action'), input: q ? `${q.type} ${q.name}` : '' } : null,
    // The site's footer, not the document's own (Nơi nhận, signature) inside the article.
    footer: text([...document.querySelectorAll('footer')].filter(f => !f.closest('article')).pop()),
    links,
    article: article ? {
      text: article.textContent,
      documentText,
      meta: [...document.querySelectorAll('dl.doc-meta dt')].map(dt => [text(dt), text(dt.nextElementSibling)]),
      pdf: document.querySelector('a.pdf-link')?.getAttribute('href') ?? null,
      booklet: document.querySelector('a.booklet-link')?.getAttribute('href') ?? null,
      signed: document.querySelector('a.signed-link')?.getAttribute('href') ?? null,
      tables: article.querySelectorAll('table').length,
      charts: article.querySelectorAll('svg').length,
      related: related ? related.querySelectorAll('a[href*="van-ban/"], a[href$=".html"]').length : -1,
    } : null,
    pagination: [...document.querySelectorAll('nav.pagination a[href]')].map(a => a.getAttribute('href')),
  };
}

// The kind of page a site path is (contract file names).
export function pageKind(path) {
  if (path === '/index.html') return 'home';
  if (path === '/tim-kiem.html') return 'search';
  if (path.startsWith('/van-ban/')) return 'article';
  if (/^\/(thang|loai|co-quan)\//.test(path)) return 'listing';
  return 'other';
}
