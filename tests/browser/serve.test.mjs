// vanban serve in Chromium, as a new user meets it: the README's serve section run as written in a
// fresh folder (test keys, the Party bodies' terms, `build/vanban serve`), then the steps it lists,
// at 1280 and at 390 px: compose a dispatch from scratch in the form, watch the preview's pages
// change, fix the errors shown beside their fields, save, issue, sign with the test key (refused
// once with a wrong password), publish (refused before signing), find it on the site; the
// register's entry in the page after each step. The login page of a server on another address
// with a password: a wrong then the right password, the cookies as the browser keeps them. Every
// step: a screenshot kept in --artifacts, no serious or critical axe-core violation, nothing
// sideways on the phone, nothing loaded from elsewhere. A month's build with its run report.
//
//   node --test-reporter=spec serve.test.mjs --vanban BUILD/vanban --source CHECKOUT --artifacts DIR
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseArgs } from 'node:util';
import { isolatedContext, launchChromium } from './lib/browser.mjs';
import { axeViolations, horizontalOverflow } from './lib/page-checks.mjs';

const { values: args } = parseArgs({ options: { vanban: { type: 'string' }, source: { type: 'string' }, artifacts: { type: 'string' } } });
assert.ok(args.vanban && args.source && args.artifacts, 'usage: serve.test.mjs --vanban VANBAN --source CHECKOUT --artifacts DIR');

const KEY_PASSWORD = 'test';  // what the README says the test keys' password is
const LOGIN_PASSWORD = 'mật khẩu văn phòng';

// The commands of the README's serve section: its ```sh block, the server's command last.
function readmeCommands() {
  const readme = readFileSync(join(args.source, 'README.md'), 'utf8');
  const section = readme.split('## Writing in a browser: `vanban serve`')[1].split(/^## /m)[0];
  const block = section.match(/^```sh\n([\s\S]*?)^```/m);
  assert.ok(block, 'the README\'s serve section has a sh block');
  const lines = block[1].split('\n').filter(line => line.trim() && !line.startsWith('#'));
  assert.match(lines.at(-1), /^build\/vanban serve$/, 'the block ends by starting the server');
  return { setup: lines.slice(0, -1), serve: lines.at(-1).split(' ') };
}

// A fresh folder holding only what the commands name (build/vanban, scripts/, content/), the
// README's commands run there; the server is started as written, on a free port.
function readmeOffice() {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-serve-browser-'));
  mkdirSync(join(dir, 'build'));
  symlinkSync(args.vanban, join(dir, 'build/vanban'));
  cpSync(join(args.source, 'scripts'), join(dir, 'scripts'), { recursive: true });
  cpSync(join(args.source, 'content'), join(dir, 'content'), { recursive: true });
  mkdirSync(join(dir, 'tests/e2e'), { recursive: true });  // make-test-keys.sh draws the images with it
  copyFileSync(join(args.source, 'tests/e2e/sign_images.py'), join(dir, 'tests/e2e/sign_images.py'));
  const { setup, serve } = readmeCommands();
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VANBAN_')));
  execFileSync('bash', ['-euo', 'pipefail', '-c', setup.join('\n')], { cwd: dir, env, stdio: 'ignore' });
  return { dir, command: [...serve, '--listen', '127.0.0.1:0'] };
}

function startServe(dir, command) {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', chunk => {
      stderr += chunk;
      const m = stderr.match(/http:\/\/[^:]+:(\d+)\//);
      if (m) resolve({ child, origin: `http://127.0.0.1:${m[1]}` });
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
const stepResult = (page, pattern) => page.waitForFunction(p => new RegExp(p).test(document.getElementById('step-result').textContent), pattern.source);

// A screenshot of the step, and what a reader needs from it: axe, and nothing sideways on a phone.
async function look(page, width, name) {
  await page.screenshot({ path: join(args.artifacts, `${name}-${width}.png`), fullPage: true });
  const problems = [...await axeViolations(page), ...(width === 390 ? await horizontalOverflow(page) : [])];
  assert.deepEqual(problems, [], `${name} at ${width} px`);
}

describe('vanban serve', () => {
  let office, serve, browser, context, external, page;

  before(async () => {
    office = readmeOffice();
    serve = await startServe(office.dir, office.command);
    browser = await launchChromium();
    // axe-core goes in as a script of its own, which the page's Content-Security-Policy would refuse.
    ({ context, external } = await isolatedContext(browser, [serve.origin], { bypassCSP: true }));
    page = await context.newPage();
    page.on('pageerror', error => { throw error; });
    mkdirSync(args.artifacts, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    serve?.child.kill('SIGINT');
    if (office) rmSync(office.dir, { recursive: true, force: true });
  });

  const dispatches = [
    { width: 1280, name: 'cong-van-sinh-hoat', number: '01-CV/TU', subject: 'về tăng cường sinh hoạt chi bộ định kỳ' },
    { width: 390, name: 'cong-van-so-ghi-chep', number: '02-CV/TU', subject: 'về kiểm tra sổ ghi chép sinh hoạt chi bộ' },
  ];
  for (const { width, name, number, subject } of dispatches) {
    it(`writes, issues, signs and publishes a dispatch without any XML, at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${serve.origin}/`);
      await page.waitForFunction(() => Number(document.body.dataset.previews || 0) > 0);
      assert.equal(await page.textContent('#register-entry'), 'Chưa cấp số.');
      await look(page, width, 'serve-1-new');

      await page.selectOption('#organisation', 'tinh-uy');
      await page.selectOption('#type', 'cong-van');
      await nextPreview(page, () => page.fill('#subject', subject));
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
      await look(page, width, 'serve-2-written');

      // A wrong date, and bold marks in the subject (printed in the layout's own style): each
      // rule beside its field, FILE:LINE:COL; fixed, they go, and no asterisk was ever drawn.
      await nextPreview(page, () => page.fill('#date', '2026-13-45'));
      await nextPreview(page, () => page.fill('#subject', subject.replace('sinh hoạt', '**sinh hoạt**')));
      const dateProblem = page.locator('[data-field="date"] .problem');
      const subjectProblem = page.locator('[data-field="subject"] .problem');
      await dateProblem.waitFor();
      assert.match(await dateProblem.textContent(), /drafts\/[a-z-]+\.xml:\d+:\d+: .*date/);
      assert.match(await subjectProblem.textContent(), /drafts\/[a-z-]+\.xml:\d+:\d+: .*không in đậm hay nghiêng/);
      assert.doesNotMatch(await previewText(page), /\*\*/);  // (the Party header's star is the layout's)
      await look(page, width, 'serve-3-errors');
      await nextPreview(page, () => page.fill('#date', '2026-12-01'));
      await nextPreview(page, () => page.fill('#subject', subject));
      assert.equal(await page.locator('.problem').count(), 0, await page.locator('#problems').textContent());

      await page.fill('#draft-name', name);
      await page.click('#save');
      await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Đã lưu'));
      await look(page, width, 'serve-4-saved');

      await page.click('#issue');
      await stepResult(page, /Đã cấp số/);
      await page.waitForFunction(() => document.getElementById('number').value !== '');  // reopened with its number
      await page.waitForFunction(n => [...document.querySelectorAll('#pages text')].some(t => t.textContent.includes(n)), number);
      assert.match(await page.textContent('#register-entry'), new RegExp(`Số ${number}, ngày 01/12/2026Cấp số: \\d\\d:\\d\\d ngày`));
      await page.click('#publish');  // not signed yet
      await stepResult(page, /chưa được ký số/);
      await look(page, width, 'serve-5-issued');

      await page.fill('#key-password', 'sai');
      await page.fill('#seal-password', KEY_PASSWORD);
      await page.click('#sign');
      await stepResult(page, /Không ký được/);
      await page.fill('#key-password', KEY_PASSWORD);
      await page.fill('#seal-password', KEY_PASSWORD);
      await page.click('#sign');
      await stepResult(page, /Đã ký/);
      assert.equal(await page.inputValue('#key-password'), '', 'the password is not kept');
      const signed = readFileSync(join(office.dir, `out/issued/${name}.pdf`), 'latin1');
      assert.equal(signed.match(/\/ByteRange/g).length, 2, 'signed by the person and sealed');
      await look(page, width, 'serve-6-signed');

      await page.click('#publish');
      await stepResult(page, /Đã đăng/);
      const events = await page.locator('#register-entry li[data-event]').evaluateAll(items => items.map(li => li.dataset.event));
      assert.deepEqual(events, ['issued', 'signed', 'published']);
      await look(page, width, 'serve-7-published');

      // On the site: the home page lists it, its page links the signed PDF.
      await page.goto(`${serve.origin}/site/index.html`);
      await page.locator('a', { hasText: subject }).first().click();
      await page.screenshot({ path: join(args.artifacts, `serve-8-site-${width}.png`), fullPage: true });
      const pdf = await page.locator('a[href$=".pdf"]').first().getAttribute('href');
      const response = await page.request.get(new URL(pdf, page.url()).href);
      assert.equal(response.status(), 200);
      assert.equal((await response.body()).toString('latin1').match(/\/ByteRange/g).length, 2);
    });
  }

  it('reopens a published draft with its register entry', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${serve.origin}/`);
    await page.waitForFunction(() => Number(document.body.dataset.previews || 0) > 0);
    await page.selectOption('#open-draft', 'cong-van-sinh-hoat');
    await page.waitForFunction(() => /Đã mở/.test(document.getElementById('status').textContent));
    await page.waitForFunction(() => document.querySelectorAll('#register-entry li[data-event]').length === 3);
    assert.match(await page.textContent('#register-entry'), /Số 01-CV\/TU.*Cấp số.*Ký số.*Đăng trang tin/);
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
    assert.deepEqual(external, [], 'requests that left the server');
  });
});

// Reachable from other machines: only with a password, asked by the login page first.
describe('vanban serve beyond the loopback', () => {
  let dir, serve, browser, context, external, page;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vanban-serve-login-'));
    cpSync(join(args.source, 'content'), join(dir, 'content'), { recursive: true });
    const hash = execFileSync(args.vanban, ['serve', 'hash-password', '--password-env', 'LOGIN'],
                              { env: { ...process.env, LOGIN: LOGIN_PASSWORD } }).toString().trim();
    const settings = join(dir, 'content/serve.xml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('<serve>', `<serve>\n  <password-hash>${hash}</password-hash>`));
    serve = await startServe(dir, [args.vanban, 'serve', '--listen', '0.0.0.0:0', '--content', 'content', '-o', 'out']);
    browser = await launchChromium();
    ({ context, external } = await isolatedContext(browser, [serve.origin], { bypassCSP: true }));
    page = await context.newPage();
    page.on('pageerror', error => { throw error; });
  });

  after(async () => {
    await browser?.close();
    serve?.child.kill('SIGINT');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs in with a wrong then the right password', async () => {
    for (const width of [1280, 390]) {
      await context.clearCookies();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${serve.origin}/`);
      assert.equal(new URL(page.url()).pathname, '/login', 'the page asks to log in first');
      await look(page, width, 'login-1-form');

      await page.fill('#password', 'sai mật khẩu');
      await Promise.all([page.waitForURL(/\/login\?sai=1$/), page.click('button[type="submit"]')]);
      assert.equal((await page.textContent('.login-message')).trim(), 'Mật khẩu không đúng.');
      assert.equal((await context.cookies()).filter(c => c.name === 'vanban_session').length, 0, 'no session for a wrong password');
      await look(page, width, 'login-2-wrong');

      await page.fill('#password', LOGIN_PASSWORD);
      await Promise.all([page.waitForURL(`${serve.origin}/`), page.click('button[type="submit"]')]);
      await page.waitForFunction(() => Number(document.body.dataset.previews || 0) > 0);
      const cookies = await context.cookies();
      for (const name of ['vanban_session', 'vanban_login']) {
        const cookie = cookies.find(c => c.name === name);
        assert.ok(cookie, `the ${name} cookie`);
        assert.equal(cookie.httpOnly, true, `${name} is HttpOnly: no script reads it`);
        assert.equal(cookie.sameSite, 'Strict', `${name} is SameSite=Strict: no other site's page sends it`);
        assert.equal(cookie.path, '/');
      }
      assert.equal(await page.evaluate(() => document.cookie), '', 'the page\'s scripts see no cookie');
      await page.screenshot({ path: join(args.artifacts, `login-3-in-${width}.png`) });
    }
    assert.deepEqual(external, [], 'requests that left the server');
  });
});
