// Every HTML page `vanban build` writes for content/ (both sample months, every profile, the
// samples), as a reader sees it in Chromium: at 1280 px and at a phone's 390 px (screenshots kept
// in --artifacts), nothing sideways out of the window on the phone, no serious or critical axe-core
// violation, headings in order, header cells in every table, nothing loaded from elsewhere; and
// at 1280 px, where the page is as wide as the paper, every line of the header and the title is a
// line of the PDF's first page (the same balanced breaks, no name split differently), a table
// column whose soft phrases the PDF keeps whole keeps them whole within the table's box, and every
// letter is drawn in the documents' own face (the fonts the build puts beside the pages).
//
//   node --test-reporter=spec document-pages.test.mjs --out BUILD_OUTPUT --artifacts DIR
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseArgs } from 'node:util';
import { isolatedContext, launchChromium } from './lib/browser.mjs';
import { axeViolations, faceFallbacks, headingOrder, horizontalOverflow, keptTablePhrases, renderedLines, tableHeaders } from './lib/page-checks.mjs';
import { pagePool } from './lib/page-pool.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const { values: args } = parseArgs({ options: { out: { type: 'string' }, artifacts: { type: 'string' } } });
assert.ok(args.out && args.artifacts, 'usage: document-pages.test.mjs --out BUILD_OUTPUT --artifacts DIR');

// The pages of the documents' folders (out/documents, out/YYYY-MM; not the site built beside
// them) that this build wrote: the names its manifest lists (the last field of each line after
// the first), not whatever an older build into the same folder left there.
const documents = readdirSync(args.out, { withFileTypes: true })
  .filter(entry => entry.isDirectory() && existsSync(join(args.out, entry.name, 'manifest.txt')))
  .flatMap(folder => readFileSync(join(args.out, folder.name, 'manifest.txt'), 'utf8').split('\n').slice(1)
    .filter(Boolean).map(line => `${folder.name}/${line.split(' ').at(-1)}.html`))
  .filter(page => existsSync(join(args.out, page)))
  .sort();

// The lines of a PDF's first page, each column's run of text on its own: pdftotext -layout puts
// the two header columns on one line, two or more spaces apart, so every run of consecutive
// pieces counts (a draft's blank number, "Số      -BC/ĐU", is wide spaces inside one piece).
function pdfFirstPageLines(pdf) {
  const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  const lines = new Set();
  for (const line of text.split('\n')) {
    const pieces = line.trim().split(/\s{2,}/).filter(Boolean);
    for (let first = 0; first < pieces.length; first++) {
      for (let last = first; last < pieces.length; last++) lines.add(pieces.slice(first, last + 1).join(' '));
    }
  }
  return lines;
}

// Header and title lines of the page that the PDF does not have as lines.
async function headerLinesNotInPdf(page, pdf) {
  if (!existsSync(pdf)) return [];
  const pdfLines = pdfFirstPageLines(pdf);
  return (await renderedLines(page, '.doc-header p, hgroup p'))
    .filter(line => !pdfLines.has(line)).map(line => `header line "${line}" is not a line of ${pdf}`);
}

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
        const problems = [...await headingOrder(page), ...await tableHeaders(page), ...await axeViolations(page),
          ...await headerLinesNotInPdf(page, join(args.out, path.replace(/\.html$/, '.pdf'))),
          ...await faceFallbacks(page), ...await keptTablePhrases(page)];

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
