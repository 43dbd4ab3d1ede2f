// vanban serve in Chromium, as an office clerk uses it: compose a dispatch from scratch in the
// form, watch the preview's pages change, fix an error shown beside its field, save, issue it
// through the register, sign it with a test key (scripts/make-test-keys.sh) and publish it, then
// find it on the site; build a month and read its run report. The compose page at 1280 and 390 px: screenshots kept in --artifacts, no
// serious or critical axe-core violation, nothing sideways on the phone, nothing from elsewhere.
//
//   node --test-reporter=spec serve.test.mjs --vanban BUILD/vanban --source CHECKOUT --artifacts DIR
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseArgs } from 'node:util';
import { isolatedContext, launchChromium } from './lib/browser.mjs';
import { axeViolations, horizontalOverflow } from './lib/page-checks.mjs';

const { values: args } = parseArgs({ options: { vanban: { type: 'string' }, source: { type: 'string' }, artifacts: { type: 'string' } } });
assert.ok(args.vanban && args.source && args.artifacts, 'usage: serve.test.mjs --vanban VANBAN --source CHECKOUT --artifacts DIR');

// A copy of content/ with a register and the test keys in its settings.
function office() {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-serve-browser-'));
  cpSync(join(args.source, 'content'), join(dir, 'content'), { recursive: true });
  execFileSync(join(args.source, 'scripts/make-test-keys.sh'), [join(dir, 'keys')], { stdio: 'ignore' });
  const settings = join(dir, 'content/serve.xml');
  writeFileSync(settings, readFileSync(settings, 'utf8').replace(/<register file="[^"]*"\/>/,
    '<register file="../register.sqlite"/>\n  <signing key="../keys/person.p12" signature-image="../keys/signature.png" ' +
    'seal-key="../keys/organisation.p12" seal-image="../keys/seal.png"/>'));
  execFileSync(args.vanban, ['register', 'term', '--issuer', 'TU', '--name', 'Tỉnh ủy Trường Giang', '--from', '2025-10-01',
                             '--register', join(dir, 'register.sqlite')], { stdio: 'ignore' });
  return dir;
}

function startServe(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(args.vanban, ['serve', '--listen', '127.0.0.1:0', '--content', join(dir, 'content'), '-o', join(dir, 'out')],
                        { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', chunk => {
      stderr += chunk;
      const m = stderr.match(/(http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve({ child, origin: m[1] });
    });
    child.on('exit', code => reject(new Error(`vanban serve exited with ${code}: ${stderr}`)));
  });
}

// Does `action`, then waits until the preview shows the form as it is after it (the page marks
// body[data-pending] from a change until that preview is in).
async function nextPreview(page, action) {
  await action();
  await page.waitForFunction(() => document.body.dataset.pending === undefined);
}

const previewText = page => page.locator('#pages').evaluate(pages => [...pages.querySelectorAll('text')].map(t => t.textContent).join(' '));

describe('vanban serve', () => {
  let dir, serve, browser, context, external, page;

  before(async () => {
    dir = office();
    serve = await startServe(dir);
    browser = await launchChromium();
    // axe-core goes in as a script of its own, which the page's Content-Security-Policy would refuse.
    ({ context, external } = await isolatedContext(browser, [serve.origin], { bypassCSP: true }));
    page = await context.newPage();
    page.on('pageerror', error => { throw error; });
    mkdirSync(args.artifacts, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    serve?.child.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('composes, previews, fixes, saves, issues, signs and publishes a dispatch', async () => {
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(`${serve.origin}/`);
    await page.waitForFunction(() => Number(document.body.dataset.previews || 0) > 0);

    await page.selectOption('#organisation', 'tinh-uy');
    await page.selectOption('#type', 'cong-van');
    await nextPreview(page, () => page.fill('#subject', 'về tăng cường sinh hoạt chi bộ định kỳ'));
    await page.fill('#to li:first-child input', 'Các đảng ủy trực thuộc Tỉnh ủy');
    await nextPreview(page, () => page.fill('#blocks li:first-child textarea',
      'Ban Thường vụ Tỉnh ủy yêu cầu các chi bộ giữ nền nếp sinh hoạt định kỳ.'));
    assert.match(await previewText(page), /nền nếp sinh hoạt định kỳ/);

    // Bold from the toolbar: the selection gets ** marks, the preview a bold run.
    const body = page.locator('#blocks li:first-child textarea');
    await body.evaluate(t => t.setSelectionRange(t.value.indexOf('nền nếp'), t.value.indexOf('nền nếp') + 'nền nếp'.length));
    await nextPreview(page, () => page.click('#bold'));
    assert.match(await body.inputValue(), /\*\*nền nếp\*\*/);
    assert.ok(await page.locator('#pages text.f1', { hasText: 'nền' }).count() > 0, 'a bold run in the preview');

    await page.click('[data-block="ol"]');
    await nextPreview(page, () => page.fill('#blocks > li:nth-child(2) .items textarea', 'Kiểm tra biên bản sinh hoạt.'));
    assert.match(await previewText(page), /Kiểm tra biên bản sinh hoạt/);

    // A wrong date: the rule, at FILE:LINE:COL, beside the date field; fixed, it goes.
    await nextPreview(page, () => page.fill('#date', '2026-13-45'));
    const dateProblem = page.locator('[data-field="date"] .problem');
    await dateProblem.waitFor();
    assert.match(await dateProblem.textContent(), /drafts\/[a-z-]+\.xml:\d+:\d+: .*date/);
    await page.screenshot({ path: join(args.artifacts, 'compose-error-1280.png'), fullPage: false });
    await nextPreview(page, () => page.fill('#date', '2026-12-01'));
    assert.equal(await dateProblem.count(), 0);
    assert.equal(await page.locator('.problem').count(), 0, await page.locator('#problems').textContent());

    await page.fill('#draft-name', 'cong-van-sinh-hoat');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Đã lưu'));

    await page.click('#issue');
    await page.waitForFunction(() => /Đã cấp số/.test(document.getElementById('step-result').textContent));
    await page.waitForFunction(() => document.getElementById('number').value === '1');  // reopened with its number
    await page.waitForFunction(() => [...document.querySelectorAll('#pages text')].some(t => /01-CV\/TU/.test(t.textContent)));

    await page.fill('#key-password', 'sai');
    await page.fill('#seal-password', 'test');
    await page.click('#sign');
    await page.waitForFunction(() => /Không ký được/.test(document.getElementById('step-result').textContent));
    await page.fill('#key-password', 'test');
    await page.fill('#seal-password', 'test');
    await page.click('#sign');
    await page.waitForFunction(() => /Đã ký/.test(document.getElementById('step-result').textContent));
    assert.equal(await page.inputValue('#key-password'), '', 'the password is not kept');
    const signed = readFileSync(join(dir, 'out/issued/cong-van-sinh-hoat.pdf'), 'latin1');
    assert.equal(signed.match(/\/ByteRange/g).length, 2, 'signed by the person and sealed');

    await page.click('#publish');
    await page.waitForFunction(() => /Đã đăng/.test(document.getElementById('step-result').textContent));
    await page.screenshot({ path: join(args.artifacts, 'compose-1280.png'), fullPage: true });

    // On the site: the home page lists it, its page links the signed PDF.
    await page.goto(`${serve.origin}/site/index.html`);
    const link = page.locator('a', { hasText: 'tăng cường sinh hoạt chi bộ định kỳ' }).first();
    await link.click();
    const pdf = await page.locator('a[href$=".pdf"]').first().getAttribute('href');
    const response = await page.request.get(new URL(pdf, page.url()).href);
    assert.equal(response.status(), 200);
    assert.equal((await response.body()).toString('latin1').match(/\/ByteRange/g).length, 2);
  });

  it('builds a month and shows its progress and run report', async () => {
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(`${serve.origin}/`);
    await page.fill('#month', '2026-13');
    await page.click('#build-month');
    await page.waitForFunction(() => /YYYY-MM/.test(document.getElementById('build-state').textContent));
    await page.fill('#month', '2026-11');
    await page.click('#build-month');
    await page.waitForFunction(() => /Tháng 2026-11: xong/.test(document.getElementById('build-state').textContent),
                               null, { timeout: 240000 });
    assert.match(await page.textContent('#build-log'), /2026-11: \d+ written/);
    assert.match(await page.textContent('#build-report caption'), /written: \d+/);
    await page.locator('.month').screenshot({ path: join(args.artifacts, 'month-build-1280.png') });
  });

  it('passes axe at 1280 and 390 px and fits a phone', async () => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${serve.origin}/`);
      await page.waitForFunction(() => Number(document.body.dataset.previews || 0) > 0);
      await page.selectOption('#open-draft', 'cong-van-sinh-hoat');
      await page.waitForFunction(() => /Đã mở/.test(document.getElementById('status').textContent));
      await page.waitForFunction(() => document.querySelectorAll('#pages svg:not(.stale)').length > 0);
      await page.screenshot({ path: join(args.artifacts, `compose-open-${width}.png`), fullPage: true });
      const problems = [...await axeViolations(page), ...(width === 390 ? await horizontalOverflow(page) : [])];
      assert.deepEqual(problems, [], `${width} px`);
    }
    assert.deepEqual(external, [], 'requests that left the server');
  });
});
