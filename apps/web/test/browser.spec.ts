/**
 * The site in a real browser (Debian's Chromium through playwright-core): axe-core's WCAG 2.1
 * A and AA rules find 0 violations on every page kind; Tab alone reaches every link of a meeting
 * page in order, each with a visible focus; at 320 CSS px (400% zoom of 1280) no page scrolls
 * sideways (WCAG 1.4.10); and a page works with JavaScript off. Skipped, saying so, where
 * /usr/bin/chromium is missing (.ci/run installs it).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sampleIds } from '@scrutineer/sample-council';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launch } from './support/browser.js';
import { startApi, startSite, type RunningApi, type RunningSite } from './support/servers.js';

const SLOW = 180_000;
const NOVEMBER = sampleIds.stockportNovember2021;

/** One page of every kind the site has. */
const PAGE_KINDS: readonly [string, string][] = [
  ['home', '/'],
  ['committees', '/committees'],
  ['committee', '/committees/stockport-cfsc'],
  ['meeting', `/meetings/${NOVEMBER}`],
  ['meeting with an exempt item', `/meetings/${sampleIds.stockportMarch2022}`],
  ['PPRR item', `/meetings/${NOVEMBER}/items/5`],
  ['report item with a withheld appendix', `/meetings/${NOVEMBER}/items/6`],
  ['exempt item', `/meetings/${sampleIds.stockportMarch2022}/items/9`],
  ['item with a Word attachment as HTML', `/meetings/${sampleIds.stockportMarch2022}/items/6`],
  ['councillors', '/members'],
  ['councillor', '/members/stockport-janet-hollins'],
  ['portfolio', '/portfolios/CFSE'],
  ['search form', '/search'],
  ['search results', '/search?q=school+transport'],
  ['search results, second page', '/search?q=children&page=2'],
  ['search with an error', '/search?q=-budget'],
  ['search with a date error', '/search?q=children&from-day=1&from-year=2022'],
  ['page not found', '/meetings/no-such-meeting'],
];

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };

const axe = async (page: Page): Promise<string[]> => {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
  // govern (an injected <script> would be refused by it, as it should be).
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const run = (
      window as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Violation[] }> };
      }
    ).axe.run;
    return (await run(document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, WCAG_21_AA);
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
};

if (!hasChromium)
  console.warn(
    `The browser tests (axe-core, keyboard, 320 px) are SKIPPED: ${CHROMIUM} is missing (apt-get install chromium; .ci/run does).`,
  );

(hasChromium ? describe : describe.skip)(
  `the site in Chromium${hasChromium ? '' : ` SKIPPED: ${CHROMIUM} is missing (apt-get install chromium)`}`,
  () => {
    let api: RunningApi;
    let site: RunningSite;
    let browser: Browser;

    beforeAll(async () => {
      api = await startApi();
      site = await startSite(api.url);
      browser = await launch();
    }, SLOW);
    afterAll(async () => {
      await browser?.close();
      await site?.stop();
      await api?.stop();
    });

    const open = async (path: string, width = 1024, javaScriptEnabled = true): Promise<Page> => {
      // A browser killed from outside (the machine is shared) is started again; a page that
      // crashes it crashes the new one too, and fails.
      if (!browser.isConnected()) browser = await launch();
      const context = await browser.newContext({
        viewport: { width, height: 800 },
        javaScriptEnabled,
      });
      const page = await context.newPage();
      const response = await page.goto(`${site.url}${path}`);
      expect(response?.status()).toBe(path.includes('no-such') ? 404 : 200);
      return page;
    };

    it(
      'has axe-core find a planted violation (the check can fail)',
      async () => {
        const page = await open('/');
        await page.evaluate(() => {
          const img = document.createElement('img');
          img.src = '/assets/nothing.png';
          document.querySelector('main')!.append(img);
        });
        expect((await axe(page)).some((v) => v.startsWith('image-alt'))).toBe(true);
        await page.context().close();
      },
      SLOW,
    );

    it.each(PAGE_KINDS)(
      'finds 0 WCAG 2.1 A and AA violations on the %s page (%s)',
      async (_kind, path) => {
        const page = await open(path);
        expect(await axe(page)).toEqual([]);
        await page.context().close();
      },
      SLOW,
    );

    it.each(PAGE_KINDS)(
      'does not scroll sideways at 320 CSS px on the %s page (%s)',
      async (_kind, path) => {
        const page = await open(path, 320);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(320);
        await page.context().close();
      },
      SLOW,
    );

    it(
      'reaches every link of a meeting page with Tab alone, in order, each with a visible focus',
      async () => {
        const page = await open(`/meetings/${NOVEMBER}`);
        const links = await page.evaluate(() =>
          [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
        );
        expect(links.length).toBeGreaterThan(30);
        const focusables = await page.evaluate(
          () =>
            document.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]')
              .length,
        );
        const reached: (string | null)[] = [];
        const invisible: string[] = [];
        for (let press = 0; press < focusables + 1 && reached.length < links.length; press += 1) {
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const element = document.activeElement as HTMLElement | null;
            if (!element || element === document.body || element.tagName !== 'A') return null;
            const style = getComputedStyle(element);
            // govuk-frontend's focus state: a yellow background with a black underline, or an outline.
            const visible =
              style.backgroundColor === 'rgb(255, 221, 0)' ||
              (style.outlineStyle !== 'none' &&
                style.outlineWidth !== '0px' &&
                style.outlineColor !== 'rgba(0, 0, 0, 0)');
            return {
              href: element.getAttribute('href'),
              visible,
              text: element.textContent?.trim() ?? '',
            };
          });
          if (focused === null) continue;
          reached.push(focused.href);
          if (!focused.visible) invisible.push(`${focused.href} (${focused.text})`);
        }
        expect(reached).toEqual(links);
        expect(invisible).toEqual([]);
        await page.context().close();
      },
      SLOW,
    );

    it(
      'searches with the keyboard alone: Tab to the box, type, Tab through the filters to the button, Enter; the first hit takes focus by Tab',
      async () => {
        const page = await open('/');
        const order: string[] = [];
        let reachedBox = false;
        for (let press = 0; press < 30 && !reachedBox; press += 1) {
          await page.keyboard.press('Tab');
          const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
          if (href === '/search') reachedBox = true;
        }
        expect(reachedBox).toBe(true);
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/search$/);
        for (let press = 0; press < 30; press += 1) {
          await page.keyboard.press('Tab');
          const id = await page.evaluate(() => document.activeElement?.id ?? '');
          if (id === 'q') break;
        }
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
        await page.keyboard.type('school transport');
        for (let press = 0; press < 16; press += 1) {
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(
            () =>
              (document.activeElement as HTMLElement | null)?.id ||
              (document.activeElement?.textContent ?? '').trim(),
          );
          if (order[order.length - 1] !== focused) order.push(focused);
          if (focused === 'Search') break;
        }
        expect(order).toEqual([
          'committee',
          'kind',
          'from-day',
          'from-month',
          'from-year',
          'to-day',
          'to-month',
          'to-year',
          'Search',
        ]);
        await page.keyboard.press('Enter');
        await page.waitForURL(/q=school\+transport/);
        expect(await page.title()).toBe('Search results for ‘school transport’ – Scrutineer');
        let first: string | null = null;
        for (let press = 0; press < 40 && first === null; press += 1) {
          await page.keyboard.press('Tab');
          first = await page.evaluate(() => {
            const element = document.activeElement;
            return element?.closest('.app-search-result') ? element.getAttribute('href') : null;
          });
        }
        expect(first).toMatch(/^\/meetings\//);
        await page.context().close();
      },
      SLOW,
    );

    it(
      'gets the page, govuk-frontend’s styles and its script brotli-compressed, and uses them',
      async () => {
        if (!browser.isConnected()) browser = await launch();
        const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
        const page = await context.newPage();
        const codings = new Map<string, string | null>();
        const read: Promise<void>[] = [];
        page.on('response', (response) => {
          read.push(
            response.headerValue('content-encoding').then((coding) => {
              codings.set(new URL(response.url()).pathname, coding);
            }),
          );
        });
        await page.goto(`${site.url}/meetings/${NOVEMBER}`, { waitUntil: 'load' });
        // initAll (in the compressed script) marks each component it starts.
        await page.waitForSelector('[data-module="govuk-skip-link"][data-govuk-skip-link-init]');
        const rules = await page.evaluate(
          () =>
            [...document.styleSheets].find((sheet) =>
              sheet.href?.endsWith('/govuk-frontend.min.css'),
            )?.cssRules.length ?? 0,
        );
        expect(rules).toBeGreaterThan(500);
        await Promise.all(read);
        expect(codings.get(`/meetings/${NOVEMBER}`)).toBe('br');
        expect(codings.get('/assets/govuk-frontend.min.css')).toBe('br');
        expect(codings.get('/assets/govuk-frontend.min.js')).toBe('br');
        await context.close();
      },
      SLOW,
    );

    it(
      'works with JavaScript off: the same meeting page, its links and its agenda',
      async () => {
        const withJs = await open(`/meetings/${NOVEMBER}`);
        const without = await open(`/meetings/${NOVEMBER}`, 1024, false);
        const summary = (page: Page) =>
          page.evaluate(() => ({
            h1: document.querySelector('h1')?.textContent?.trim(),
            links: [...document.querySelectorAll('main a[href]')].map((a) =>
              a.getAttribute('href'),
            ),
            visibleItems: [...document.querySelectorAll('main h3')].filter(
              (h) => (h as HTMLElement).offsetHeight > 0,
            ).length,
          }));
        const [a, b] = [await summary(withJs), await summary(without)];
        expect(b).toEqual(a);
        expect(b.visibleItems).toBeGreaterThan(5);
        await withJs.context().close();
        await without.context().close();
      },
      SLOW,
    );
  },
);
