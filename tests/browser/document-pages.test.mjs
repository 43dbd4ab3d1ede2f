// Every HTML page `vanban build` writes for content/ (both sample months, every profile, the
// samples), as a reader sees it in Chromium: at 1280 px and at a phone's 390 px (screenshots kept
// in --artifacts), nothing sideways out of the window on the phone, no serious or critical axe-core
// violation, headings in order, header cells in every table, nothing loaded from elsewhere.
//
//   node --test-reporter=spec document-pages.test.mjs --out BUILD_OUTPUT --artifacts DIR
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseArgs } from 'node:util';
import { isolatedContext, launchChromium } from './lib/browser.mjs';
import { axeViolations, headingOrder, horizontalOverflow, tableHeaders } from './lib/page-checks.mjs';
import { pagePool } from './lib/page-pool.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const { values: args } = parseArgs({ options: { out: { type: 'string' }, artifacts: { type: 'string' } } });
assert.ok(args.out && args.artifacts, 'usage: document-pages.test.mjs --out BUILD_OUTPUT --artifacts DIR');

// The documents' folders (out/documents, out/YYYY-MM), not the site built beside them.
const documents = readdirSync(args.out, { withFileTypes: true })
  .filter(entry => entry.isDirectory() && entry.name !== 'site')
  .flatMap(folder => readdirSync(join(args.out, folder.name)).filter(name => name.endsWith('.html'))
    .map(name => `${folder.name}/${name}`))
  .sort();

describe('document pages', { concurrency: 2 }, () => {
  let browser, server, external, pool;

  before(async () => {
    assert.ok(documents.length > 0, `no document HTML under ${args.out}`);
    server = await startStaticServer(args.out);
    browser = await launchChromium();
    const isolated = await isolatedContext(browser, [server.origin]);
    external = isolated.external;
    pool = await pagePool(isolated.context, 2);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const path of documents) {
    it(path, () => pool.use(async page => {
      const failed = [];
      const onResponse = response => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); };
      const onFailure = request => failed.push(`${request.failure()?.errorText} ${request.url()}`);
      page.on('response', onResponse);
      page.on('requestfailed', onFailure);
      try {
        const shots = join(args.artifacts, path.replace(/\.html$/, ''));
        mkdirSync(dirname(shots), { recursive: true });

        await page.setViewportSize({ width: 1280, height: 900 });
        const response = await page.goto(`${server.origin}/${path}`, { waitUntil: 'load' });
        assert.equal(response.status(), 200);
        await page.screenshot({ path: `${shots}-1280.png`, fullPage: true });
        const problems = [...await headingOrder(page), ...await tableHeaders(page), ...await axeViolations(page)];

        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: `${shots}-390.png`, fullPage: true });
        problems.push(...(await horizontalOverflow(page)).map(p => `at 390 px: ${p}`));

        problems.push(...failed);
        assert.deepEqual(problems, [], `${path} (screenshots: ${shots}-1280.png, -390.png)`);
      } finally {
        page.off('response', onResponse);
        page.off('requestfailed', onFailure);
      }
    }));
  }

  it('loads nothing from outside 127.0.0.1', () => assert.deepEqual(external, []));
});
