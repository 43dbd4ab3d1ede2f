// Debian's chromium driven by playwright-core (no browser of its own). Every context lets a page
// reach only its own site: any other request is aborted and remembered, for the test to fail on.
import { axeScriptPath, checkEnvironment, chromiumPath } from './environment.mjs';

export async function launchChromium() {
  checkEnvironment();
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    // Root in a container has no user namespace for the sandbox; the pages are our own.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

// A context whose pages may load only URLs that start with one of `allowed` (an origin such as
// http://127.0.0.1:PORT, or a file:// folder). `external` lists what was refused.
export async function isolatedContext(browser, allowed, options = {}) {
  const context = await browser.newContext({ locale: 'vi-VN', ...options });
  const external = [];
  await context.route('**/*', route => {
    const url = route.request().url();
    if (allowed.some(prefix => url.startsWith(prefix)) || /^(data|blob|about):/.test(url)) return route.continue();
    external.push(url);
    return route.abort('blockedbyclient');
  });
  return { context, external };
}

export async function injectAxe(page) {
  await page.addScriptTag({ path: axeScriptPath });
}
