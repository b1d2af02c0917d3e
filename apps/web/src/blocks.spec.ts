import { describe, expect, it } from '@jest/globals';
import { parse } from 'node-html-parser';
import { blocksHtml, convertedBlocksHtml, textOn } from './blocks.js';

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

describe(convertedBlocksHtml.name, () => {
  const options = { topHeading: 3, idPrefix: 'document-d1-', title: 'Officer’s report' };
  const text = (value: string) => [{ text: value }];
  const PNG =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==';
  const report = [
    { kind: 'heading', level: 1, runs: text('Report') },
    { kind: 'heading', level: 2, runs: text('Purpose') },
    {
      kind: 'paragraph',
      runs: [
        { text: 'See the note' },
        { text: '[1]', note: 'footnote-1' },
        { text: ' and ' },
        { text: 'the site', href: 'https://example.org/?a=1&b=2' },
        { text: ' not this', href: 'javascript:alert(1)' },
        { text: ' <b>raw</b>', bold: true },
      ],
    },
    {
      kind: 'list',
      items: [
        { depth: 0, ordered: true, runs: text('First') },
        { depth: 1, ordered: false, runs: text('Inner bullet') },
        { depth: 0, ordered: true, runs: text('Second') },
      ],
    },
    {
      kind: 'table',
      headerRows: 1,
      rows: [
        [{ runs: text('Measure') }, { runs: text('Actual') }],
        [{ runs: text('Waiting times'), colSpan: 2 }],
      ],
    },
    {
      kind: 'figure',
      alt: 'Map of the four localities',
      image: { mediaType: 'image/png', data: PNG, width: 200, height: 100 },
    },
    {
      kind: 'figure',
      alt: '',
      image: { mediaType: 'image/png', data: PNG, width: 10, height: 10 },
    },
    { kind: 'figure', alt: 'A chart', image: null },
    {
      kind: 'notes',
      notes: [{ id: 'footnote-1', kind: 'footnote', label: '1', runs: text('Source: records.') }],
    },
  ];
  const root = parse(convertedBlocksHtml(report, options));

  it('shifts the report’s headings under the page’s h1 and the document’s h2', () => {
    expect(root.querySelectorAll('h3').map((h) => h.text)).toEqual(['Report', 'Notes']);
    expect(root.querySelectorAll('h4').map((h) => h.text)).toEqual(['Purpose']);
  });

  it('nests lists as <ol> and <ul> as the report numbers them', () => {
    const outer = root.querySelector('ol')!;
    expect(outer.querySelectorAll(':scope > li').length).toBe(2);
    expect(outer.querySelector('li > ul > li')!.text).toBe('Inner bullet');
  });

  it('prints the header row as <th scope="col"> and keeps a cell’s span', () => {
    expect(root.querySelectorAll('thead th[scope="col"]').map((th) => th.text)).toEqual([
      'Measure',
      'Actual',
    ]);
    expect(root.querySelector('tbody td')!.getAttribute('colspan')).toBe('2');
    expect(root.querySelector('.app-table-wrap')!.getAttribute('aria-label')).toBe(
      'Table 1 of Officer’s report',
    );
  });

  it('shows images with their alt text, marks one without as decorative, describes one it cannot show', () => {
    const images = root.querySelectorAll('img');
    expect(images.map((img) => img.getAttribute('alt'))).toEqual([
      'Map of the four localities',
      '',
    ]);
    expect(images[0]!.getAttribute('src')).toBe(`data:image/png;base64,${PNG}`);
    expect(root.text).toContain('[Image not shown: A chart]');
  });

  it('links a note’s mark to the note and the note back to its mark', () => {
    const mark = root.querySelector('sup a')!;
    expect(mark.getAttribute('href')).toBe('#document-d1-footnote-1');
    expect(mark.text).toBe('Footnote [1]');
    const note = root.querySelector('#document-d1-footnote-1')!;
    expect(note.tagName).toBe('LI');
    expect(note.querySelector('a')!.getAttribute('href')).toBe(`#${mark.getAttribute('id')}`);
  });

  it('escapes every text and links only http(s) and mailto addresses', () => {
    expect(root.querySelectorAll('b')).toHaveLength(0);
    expect(root.text).toContain('<b>raw</b>');
    const links = root
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href'))
      .filter((href) => !href!.startsWith('#'));
    expect(links).toEqual(['https://example.org/?a=1&b=2']);
  });
});
