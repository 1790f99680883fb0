import { XMLBuilder } from 'fast-xml-parser';
import { ClassifiedError } from '../core/errors.ts';

/**
 * A tiny element tree that every request is compiled from. fast-xml-parser's builder serializes it
 * (escaping every text and attribute value); names are validated here because custom Intacct field
 * names come from the API and are untrusted.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly children: readonly XmlChild[];
}
export type XmlChild = XmlElement | string;

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// XML 1.0 cannot carry these code points at all, not even as character references.
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function assertXmlName(name: string): string {
  if (!NAME_RE.test(name)) {
    throw new ClassifiedError(`not a valid XML element name: ${JSON.stringify(name)}`, { kind: 'terminal' });
  }
  return name;
}

export function assertXmlText(text: string): string {
  if (INVALID_XML_CHARS.test(text)) {
    throw new ClassifiedError('value contains characters that XML 1.0 cannot represent', { kind: 'record' });
  }
  return text;
}

/** An element; `children` may be a text value, a list of children, or absent (empty element). */
export function el(
  name: string,
  children?: readonly (XmlChild | null | undefined | false)[] | string | number,
  attrs?: Readonly<Record<string, string>>,
): XmlElement {
  assertXmlName(name);
  let list: XmlChild[];
  if (children === undefined) list = [];
  else if (typeof children === 'string' || typeof children === 'number') list = [String(children)];
  else list = children.filter((c): c is XmlChild => c !== null && c !== undefined && c !== false);
  return attrs ? { name, attrs, children: list } : { name, children: list };
}

/** An element only when the value is present; for optional fields of builders. */
export function opt(name: string, value: string | number | boolean | null | undefined): XmlElement | null {
  if (value === null || value === undefined || value === '') return null;
  return el(name, typeof value === 'boolean' ? String(value) : value);
}

type OrderedNode = Record<string, unknown>;

function toOrdered(child: XmlChild): OrderedNode {
  if (typeof child === 'string') return { '#text': assertXmlText(child) };
  const node: OrderedNode = { [child.name]: child.children.map(toOrdered) };
  if (child.attrs) {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(child.attrs)) attrs[`@_${assertXmlName(k)}`] = assertXmlText(v);
    node[':@'] = attrs;
  }
  return node;
}

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  processEntities: true,
  format: false,
});

/** Serializes elements to XML text (no declaration). Every value is escaped. */
export function serialize(...elements: XmlElement[]): string {
  return builder.build(elements.map(toOrdered)) as string;
}

/** Serializes with two-space indentation; for golden files people read. */
export function serializePretty(element: XmlElement, indent = ''): string {
  const attrs = element.attrs
    ? Object.entries(element.attrs)
        .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
        .join('')
    : '';
  if (element.children.length === 0) return `${indent}<${element.name}${attrs}/>`;
  if (element.children.every((c) => typeof c === 'string')) {
    return `${indent}<${element.name}${attrs}>${element.children.map((c) => escapeText(c as string)).join('')}</${element.name}>`;
  }
  const inner = element.children
    .map((c) => (typeof c === 'string' ? `${indent}  ${escapeText(c)}` : serializePretty(c, `${indent}  `)))
    .join('\n');
  return `${indent}<${element.name}${attrs}>\n${inner}\n${indent}</${element.name}>`;
}

function escapeText(s: string): string {
  return assertXmlText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}
