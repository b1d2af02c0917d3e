import { describe, expect, it } from '@jest/globals';
import { parse } from 'node-html-parser';
import { blocksHtml, textOn } from './blocks.js';

describe(blocksHtml.name, () => {
  it('escapes every text, so a stored value can never become markup', () => {
    const html = blocksHtml([
      { kind: 'paragraph', runs: [{ text: '<script>alert(1)</script> & "quotes"' }] },
      {
        kind: 'table',
        caption: '<b>c</b>',
        columns: [{ header: '<i>h</i>' }],
        rows: [[{ runs: [{ text: '<img src=x>' }] }]],
      },
    ]);
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(parse(html).text).toContain('<script>alert(1)</script> & "quotes"');
  });

  it('links only http(s), mailto and tel addresses', () => {
    const html = blocksHtml([
      {
        kind: 'paragraph',
        runs: [
          { text: 'safe', link: { kind: 'url', url: 'https://example.org/a?b=1&c=2' } },
          { text: 'unsafe', link: { kind: 'url', url: 'javascript:alert(1)' } },
        ],
      },
    ]);
    const links = parse(html).querySelectorAll('a');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/a?b=1&c=2']);
  });

  it('prints a table with column headers, a filled cell in a readable colour, and footer rows', () => {
    const root = parse(
      blocksHtml([
        {
          kind: 'table',
          caption: 'Measures',
          columns: [{ header: 'Code' }, { header: 'RAG' }],
          rows: [
            [
              { runs: [{ text: 'M1' }] },
              { runs: [{ text: 'Red', style: 'bold' }], fill: '#D4351C' },
            ],
          ],
          footerRows: [[{ runs: [{ text: 'Total' }] }, { runs: [{ text: '' }] }]],
        },
      ]),
    );
    expect(root.querySelectorAll('thead th[scope="col"]').map((th) => th.text)).toEqual([
      'Code',
      'RAG',
    ]);
    expect(root.querySelector('caption')!.text).toBe('Measures');
    expect(root.querySelector('td strong')!.text).toBe('Red');
    expect(root.querySelectorAll('td')[1]!.getAttribute('style')).toBe(
      'background-color:#D4351C;color:#ffffff',
    );
    expect(root.querySelector('tfoot td')!.text).toBe('Total');
    expect(root.querySelector('.app-table-wrap')!.getAttribute('aria-label')).toBe('Measures');
  });

  it('moves headings down under the page’s h1, never above h2 or below h6', () => {
    const root = parse(
      blocksHtml(
        [
          { kind: 'heading', level: 1, runs: [{ text: 'a' }] },
          { kind: 'heading', level: 3, runs: [{ text: 'b' }] },
          { kind: 'paragraph', headingLevel: 6, runs: [{ text: 'c' }] },
        ],
        1,
      ),
    );
    expect(
      root.childNodes
        .filter((n) => 'tagName' in n)
        .map((n) => (n as unknown as { tagName: string }).tagName),
    ).toEqual(['H2', 'H4', 'H6']);
  });
});

describe(textOn.name, () => {
  it('picks the text colour with the more contrast on a fill', () => {
    expect(textOn('#00703C')).toBe('#ffffff');
    expect(textOn('#FFBF47')).toBe('#0b0c0c');
    expect(textOn('#F3F2F1')).toBe('#0b0c0c');
  });
});
