/**
 * mammoth's HTML as a small tree. mammoth writes well-formed markup (void elements closed,
 * `&`, `<`, `>` and `"` escaped), so an XML parser reads it; wrapped in one root element.
 */
import { SaxesParser } from 'saxes';

export type HtmlElement = {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: HtmlNode[];
};
export type HtmlText = { readonly kind: 'text'; readonly text: string };
export type HtmlNode = HtmlElement | HtmlText;

/** Parses mammoth's HTML into the children of one root; throws on markup that is not well-formed. */
export const parseHtml = (html: string): HtmlNode[] => {
  const root: HtmlElement = { kind: 'element', name: 'root', attributes: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const parser = new SaxesParser({ xmlns: false });
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes)) attributes[name] = String(value);
    const element: HtmlElement = {
      kind: 'element',
      name: tag.name.toLowerCase(),
      attributes,
      children: [],
    };
    stack[stack.length - 1]?.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    stack[stack.length - 1]?.children.push({ kind: 'text', text });
  });
  parser.write(`<root>${html}</root>`).close();
  if (failure) throw failure;
  return root.children;
};

/** The text of a node and everything under it. */
export const textOf = (node: HtmlNode): string =>
  node.kind === 'text' ? node.text : node.children.map(textOf).join('');
