import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const children = (node: Node): Node[] => ('childNodes' in node ? node.childNodes : []);
const elements = (node: Node): Element[] =>
  children(node).flatMap((child) => ('tagName' in child ? [child, ...elements(child)] : elements(child)));
const textOf = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : children(node).map(textOf).join(''));

/** An HTML email parsed as a browser would, with the parse errors and what the tests look at. */
export function readHtml(html: string) {
  const errors: string[] = [];
  const document = parse(html, { onParseError: (error) => errors.push(error.code) });
  const all = elements(document);
  const attr = (element: Element | undefined, name: string) => element?.attrs.find((a) => a.name === name)?.value;
  return {
    errors,
    lang: attr(all.find((e) => e.tagName === 'html'), 'lang'),
    title: textOf(all.find((e) => e.tagName === 'title')!),
    tagNames: new Set(all.map((e) => e.tagName)),
    /** Text of the elements whose inline style sets a monospace font. */
    monospaceText: all.filter((e) => /monospace/.test(attr(e, 'style') ?? '')).map(textOf),
    bodyText: textOf(all.find((e) => e.tagName === 'body')!).replace(/[ \t\r\n]+/g, ' ').trim(),
    attributeNames: new Set(all.flatMap((e) => e.attrs.map((a) => a.name))),
  };
}
