// What a reader and a screen reader need from any page, measured in the page as laid out. Each
// function returns a list of problems (strings); empty means the page passes.
import { injectAxe } from './browser.mjs';

// Nothing sticks out sideways: every box and every run of text lies inside the window. Only a
// table or a chart may be wider, scrolling in a box of its own; what a box clips is reported too (text cut
// off is as unread as text off screen), except screen-reader text clipped to a pixel.
export function horizontalOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    if (document.documentElement.scrollWidth > width) {
      problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px in a ${width} px window`);
    }
    const excused = node => {
      const table = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node).closest('table, svg');
      for (let box = node.parentElement; box && box !== document.body; box = box.parentElement) {
        const overflow = getComputedStyle(box).overflowX;
        if (overflow === 'visible') continue;
        const rect = box.getBoundingClientRect();
        if (rect.width <= 1 || rect.height <= 1) return true;
        if ((overflow === 'auto' || overflow === 'scroll') && table && box.contains(table)) return true;
      }
      return false;
    };
    const name = element => element.tagName.toLowerCase() + (element.id ? `#${element.id}` : '') +
      (element.classList.length ? `.${[...element.classList].join('.')}` : '');
    const sticksOut = rect => rect.width > 1 && rect.height > 1 && rect.right > 0 &&
      (rect.right > width + 1 || rect.left < -1);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node && problems.length < 10; node = walker.nextNode()) {
      let rect, owner;
      if (node.nodeType === Node.TEXT_NODE) {
        if (!node.data.trim()) continue;
        range.selectNodeContents(node);
        rect = range.getBoundingClientRect();
        owner = node.parentElement;
      } else {
        rect = node.getBoundingClientRect();
        owner = node;
      }
      if (!sticksOut(rect) || excused(node)) continue;
      const what = node.nodeType === Node.TEXT_NODE ? `text "${node.data.trim().slice(0, 40)}" in ${name(owner)}` : name(owner);
      problems.push(`${what} spans x ${Math.round(rect.left)}..${Math.round(rect.right)} in a ${width} px window`);
    }
    return problems;
  });
}

// One h1, and no level skipped on the way down (h2 then h4 is a gap for a screen reader's outline).
export function headingOrder(page) {
  return page.evaluate(() => {
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => [Number(h.tagName[1]), h.textContent.trim()]);
    const problems = [];
    const h1s = levels.filter(([level]) => level === 1).length;
    if (h1s !== 1) problems.push(`${h1s} h1 elements`);
    if (levels.length && levels[0][0] !== 1) problems.push(`the first heading is h${levels[0][0]} "${levels[0][1].slice(0, 40)}"`);
    for (let i = 1; i < levels.length; i++) {
      if (levels[i][0] > levels[i - 1][0] + 1) {
        problems.push(`h${levels[i][0]} "${levels[i][1].slice(0, 40)}" follows h${levels[i - 1][0]} "${levels[i - 1][1].slice(0, 40)}"`);
      }
    }
    return problems;
  });
}

// Every data table names its columns or rows with header cells that say something.
export function tableHeaders(page) {
  return page.evaluate(() => [...document.querySelectorAll('table')].flatMap((table, i) => {
    const headers = [...table.querySelectorAll('th, [role=columnheader], [role=rowheader]')];
    const label = `table ${i + 1} ("${(table.caption?.textContent ?? table.textContent).trim().slice(0, 40)}")`;
    if (!headers.length) return [`${label} has no header cells`];
    const empty = headers.filter(th => !th.textContent.trim() && !th.getAttribute('aria-label'));
    return empty.length ? [`${label} has ${empty.length} empty header cells`] : [];
  }));
}

// A table column whose soft phrases the PDF keeps whole (class keep) keeps them on one line here
// too ("phường Tân Định Thượng", not "phường / Tân Định Thượng"), and still fits its box.
export function keptTablePhrases(page) {
  return page.evaluate(() => {
    const problems = [];
    for (const span of document.querySelectorAll('.keep .nb')) {
      const range = document.createRange();
      range.selectNodeContents(span);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) problems.push(`"${span.textContent}" is split in a table column that keeps it whole`);
    }
    for (const box of document.querySelectorAll('.table-scroll')) {
      if (box.scrollWidth > box.clientWidth) problems.push(`a table is ${box.scrollWidth - box.clientWidth} px wider than its box`);
    }
    return problems;
  });
}

// axe-core's rules, keeping what it rates serious or critical.
export async function axeViolations(page) {
  await injectAxe(page);
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
      count: v.nodes.length,
    })));
  return violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `axe ${v.impact} ${v.id}: ${v.help} (${v.count}× e.g. ${v.targets.join(', ')})`);
}

// The lines of text of each element matching `selector`, as the browser broke them: characters
// grouped by the top of their box, spaces collapsed.
export function renderedLines(page, selector) {
  return page.evaluate(selector => [...document.querySelectorAll(selector)].flatMap(element => {
    const rows = new Map();
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const { segment, index } of graphemes.segment(node.data)) {
        range.setStart(node, index);
        range.setEnd(node, index + segment.length);
        const box = [...range.getClientRects()].find(rect => rect.width > 0);
        if (!box) { if (rows.size) [...rows.values()].at(-1).push(' '); continue; }
        const top = Math.round(box.top);
        if (!rows.has(top)) rows.set(top, []);
        rows.get(top).push(segment);
      }
    }
    return [...rows.entries()].sort((a, b) => a[0] - b[0])
      .map(([, chars]) => chars.join('').replace(/\s+/g, ' ').trim()).filter(Boolean);
  }), selector);
}

// Text the browser drew in a face that is not the documents' own: for every element with text of
// its own, the platform fonts Chromium used for it (DevTools CSS.getPlatformFontsForNode). Only a
// loaded web font ("Vanban Serif", the shipped Liberation Serif) or an installed Times New Roman
// is the documents' face; an installed Liberation Serif 1.07 lacks "ộ", "ệ", "ữ", and what it lacks
// comes from another face, wider than the PDF's.
export async function faceFallbacks(page, selector = 'body') {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    // Only elements with text of their own: one DevTools call each.
    await page.evaluate(selector => {
      for (const element of document.querySelectorAll(`${selector}, ${selector} *`))
        if ([...element.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.data.trim())) element.setAttribute('data-face-check', '');
    }, selector);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-face-check]' });
    const problems = new Set();
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const font of fonts) {
        if (font.isCustomFont || font.familyName === 'Times New Roman') continue;
        const { node } = await cdp.send('DOM.describeNode', { nodeId });
        problems.add(`${font.glyphCount} glyphs of <${node.localName}> drawn in installed "${font.familyName}"`);
      }
    }
    return [...problems];
  } finally {
    await page.evaluate(() => document.querySelectorAll('[data-face-check]').forEach(e => e.removeAttribute('data-face-check')));
    await cdp.detach();
  }
}
