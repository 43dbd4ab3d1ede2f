// feed.xml (Atom 1.0, RFC 4287) and sitemap.xml (sitemaps.org 0.9), parsed by the browser's own
// XML parser. Each returns { problems, urls }: what is wrong, and every absolute URL it names.
const ATOM = 'http://www.w3.org/2005/Atom';
const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export function checkAtom(page, xml) {
  return page.evaluate(([xml, ns]) => {
    const problems = [], urls = [];
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.querySelector('parsererror')) return { problems: [`not well-formed: ${doc.querySelector('parsererror').textContent.slice(0, 200)}`], urls };
    const feed = doc.documentElement;
    if (feed.localName !== 'feed' || feed.namespaceURI !== ns) return { problems: [`root is {${feed.namespaceURI}}${feed.localName}, not an Atom feed`], urls };
    const children = (element, name) => [...element.children].filter(c => c.namespaceURI === ns && c.localName === name);
    const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
    const absolute = (href, where) => {
      try {
        const url = new URL(href);
        if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
        urls.push(url.href);
      } catch { problems.push(`${where}: link "${href}" is not an absolute http(s) URL`); }
    };
    const required = (element, where) => {
      for (const name of ['id', 'title', 'updated']) {
        const found = children(element, name);
        if (found.length !== 1) problems.push(`${where}: ${found.length} <${name}> (exactly one required)`);
        else if (!found[0].textContent.trim()) problems.push(`${where}: empty <${name}>`);
      }
      const updated = children(element, 'updated')[0]?.textContent.trim();
      if (updated && !rfc3339.test(updated)) problems.push(`${where}: <updated> "${updated}" is not an RFC 3339 date-time`);
      for (const link of children(element, 'link')) absolute(link.getAttribute('href') ?? '', where);
    };
    required(feed, 'feed');
    if (!children(feed, 'link').some(l => l.getAttribute('rel') === 'self')) problems.push('feed: no <link rel="self">');
    const entries = children(feed, 'entry');
    if (!entries.length) problems.push('feed: no <entry>');
    const feedAuthor = children(feed, 'author').length > 0;
    const dates = [];
    entries.forEach((entry, i) => {
      const where = `entry ${i + 1}`;
      required(entry, where);
      if (!feedAuthor && !children(entry, 'author').length) problems.push(`${where}: no <author> (nor one for the feed)`);
      const alternate = children(entry, 'link').filter(l => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
      if (!alternate.length && !children(entry, 'content').length) problems.push(`${where}: neither <link rel="alternate"> nor <content>`);
      dates.push(children(entry, 'updated')[0]?.textContent.trim() ?? '');
    });
    const byDate = dates.map(d => Date.parse(d));
    if (byDate.some((d, i) => i > 0 && d > byDate[i - 1])) problems.push('feed: entries are not newest first');
    return { problems, urls };
  }, [xml, ATOM]);
}

export function checkSitemap(page, xml) {
  return page.evaluate(([xml, ns]) => {
    const problems = [], urls = [];
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.querySelector('parsererror')) return { problems: [`not well-formed: ${doc.querySelector('parsererror').textContent.slice(0, 200)}`], urls };
    const root = doc.documentElement;
    if (root.localName !== 'urlset' || root.namespaceURI !== ns) return { problems: [`root is {${root.namespaceURI}}${root.localName}, not a sitemaps.org urlset`], urls };
    const entries = [...root.children].filter(c => c.localName === 'url');
    if (!entries.length) problems.push('urlset: no <url>');
    if (entries.length > 50000) problems.push(`urlset: ${entries.length} URLs (at most 50,000 per file)`);
    entries.forEach((entry, i) => {
      const locs = [...entry.children].filter(c => c.localName === 'loc' && c.namespaceURI === ns);
      if (locs.length !== 1) return problems.push(`url ${i + 1}: ${locs.length} <loc>`);
      const loc = locs[0].textContent.trim();
      try {
        const url = new URL(loc);
        if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
        urls.push(url.href);
      } catch { problems.push(`url ${i + 1}: <loc> "${loc}" is not an absolute http(s) URL`); }
      const lastmod = [...entry.children].find(c => c.localName === 'lastmod')?.textContent.trim();
      if (lastmod && !/^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$/.test(lastmod)) {
        problems.push(`url ${i + 1}: <lastmod> "${lastmod}" is not a W3C date`);
      }
    });
    return { problems, urls };
  }, [xml, SITEMAP]);
}
