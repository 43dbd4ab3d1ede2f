// The results tim-kiem.html shows: for `url` (loaded first) or for what the page holds now,
// once the index has loaded and the list has settled.
export async function searchResults(page, url) {
  if (url) await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() =>
    document.querySelector('#search-results')?.children.length > 0 ||
    document.querySelector('#search-status')?.textContent.trim());
  return page.evaluate(() => [...document.querySelectorAll('#search-results > li')].map(li => {
    const link = li.querySelector('a[href]');
    return {
      path: link ? new URL(link.href).pathname : '',
      title: link?.textContent ?? '',
      marks: [...li.querySelectorAll('.snippet mark')].map(mark => mark.textContent),
    };
  }));
}
