// The site opened from disk (file://…/index.html, a folder on a USB stick): its styles load, its
// links name files that exist, and search works, with no server and nothing from outside.
//
//   node --test-reporter=spec site-from-disk.test.mjs --site OUT/site --artifacts DIR
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isolatedContext, launchChromium } from './lib/browser.mjs';
import { fold } from './lib/fold.mjs';
import { searchResults } from './lib/search-page.mjs';

const { values: args } = parseArgs({ options: { site: { type: 'string' }, artifacts: { type: 'string' } } });
assert.ok(args.site && args.artifacts, 'usage: site-from-disk.test.mjs --site OUT/site --artifacts DIR');
const site = pathToFileURL(resolve(args.site) + '/').href;

describe('site from disk', () => {
  let browser, page, external;
  const errors = [];

  before(async () => {
    assert.ok(existsSync(join(args.site, 'index.html')), `${args.site}/index.html is missing: the site was not built`);
    mkdirSync(args.artifacts, { recursive: true });
    browser = await launchChromium();
    const isolated = await isolatedContext(browser, [site]);
    external = isolated.external;
    page = await isolated.context.newPage();
    page.on('pageerror', error => errors.push(error.message));
    page.on('requestfailed', request => errors.push(`${request.failure()?.errorText} ${request.url()}`));
  });

  after(() => browser?.close());

  it('index.html shows with its styles, and every link names a file that exists', async () => {
    await page.goto(`${site}index.html`);
    const styled = await page.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet]')]
      .map(link => [link.getAttribute('href'), link.sheet !== null]));
    assert.ok(styled.length > 0 && styled.every(([, loaded]) => loaded), `style sheets: ${JSON.stringify(styled)}`);
    const links = await page.evaluate(() => [...document.querySelectorAll('a[href], link[href], script[src]')]
      .map(e => e.href || e.src).filter(url => url.startsWith('file:')));
    const missing = links.map(url => fileURLToPath(url.replace(/[?#].*$/, ''))).filter(path => !existsSync(path) || !/\.\w+$/.test(path));
    assert.deepEqual(missing, [], 'links that name no file');
    await page.screenshot({ path: join(args.artifacts, 'from-disk-home.png') });
  });

  it('search from the header form finds "uốn nắn" without diacritics, and opens the document', async () => {
    await page.goto(`${site}index.html`);
    await page.locator('#q').fill('uon nan');
    await Promise.all([page.waitForURL(/tim-kiem\.html\?q=uon(\+|%20)nan/), page.locator('#q').press('Enter')]);
    const results = await searchResults(page);
    await page.screenshot({ path: join(args.artifacts, 'from-disk-search.png'), fullPage: true });
    assert.ok(results.length > 0, 'no results from disk');
    const marks = results.flatMap(r => r.marks);
    assert.ok(marks.every(m => ['uon', 'nan'].includes(fold(m))), `marked: ${JSON.stringify(marks)}`);
    await Promise.all([page.waitForURL(/\/van-ban\/.+\.html$/), page.locator('#search-results a[href]').first().click()]);
    assert.equal(await page.locator('h1').count(), 1);
    assert.ok(existsSync(fileURLToPath(page.url())), page.url());
  });

  it('no script error, no failed load, nothing from outside the folder', () => {
    assert.deepEqual(errors, []);
    assert.deepEqual(external, []);
  });
});
