/* global process, window */
// Screenshots of the site for a person to look at: `node scripts/screenshots.mjs [BASE] [OUT]`
// (default http://127.0.0.1:3001 and /tmp/web-shots), with Debian's Chromium (never a
// downloaded browser). Each page full length at 1024 CSS px, and the meeting page at 320 px.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:3001';
const out = process.argv[3] ?? '/tmp/web-shots';
const pages = {
  home: '/',
  meeting: '/meetings/stockport-cfsc-2021-11-24',
  pprr: '/meetings/stockport-cfsc-2021-11-24/items/5',
  member: '/members/stockport-janet-hollins',
  portfolio: '/portfolios/CFSE',
  committee: '/committees/stockport-cfsc',
};
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  for (const width of [1024, 320]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    for (const [name, path] of Object.entries(pages)) {
      if (width === 320 && name !== 'meeting' && name !== 'pprr') continue;
      await page.goto(`${base}${path}`);
      const file = join(out, `${name}${width === 320 ? '-320' : ''}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const scroll = await page.evaluate(() => window.document.documentElement.scrollWidth);
      process.stdout.write(`${file} (${width} px wide, page scrollWidth ${scroll})\n`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
