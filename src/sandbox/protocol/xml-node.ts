import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The sandbox reads requests with fast-xml-parser configured so that every element is an array
 * (repeated elements never change shape), values stay strings, and no DTD or entity beyond the
 * five XML built-ins is honoured.
 */
export type XmlText = string;
export interface XmlElement {
  readonly [name: string]: XmlNode[] | string;
}
export type XmlNode = XmlText | XmlElement;

const ATTR = '@_';
const TEXT = '#text';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  textNodeName: TEXT,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _jpath, _leaf, isAttribute) => !isAttribute,
});

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

/** Parses a whole document; throws XmlSyntaxError on anything that is not well-formed or uses a DTD. */
export function parseXml(text: string): XmlElement {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new XmlSyntaxError('DOCTYPE and entity declarations are not allowed', 1, 1);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new XmlSyntaxError(valid.err.msg, valid.err.line, valid.err.col);
  }
  const doc = parser.parse(text) as unknown;
  if (typeof doc !== 'object' || doc === null) throw new XmlSyntaxError('empty document', 1, 1);
  return doc as XmlElement;
}

function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object' && node !== null;
}

/** Children named `name` (in document order). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  if (!isElement(node)) return [];
  const value = node[name];
  return Array.isArray(value) ? value : [];
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

export function hasChild(node: XmlNode | undefined, name: string): boolean {
  return children(node, name).length > 0;
}

/** Text content of an element; '' for empty elements; undefined for a missing node. */
export function text(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return node;
  const t = node[TEXT];
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.map((x) => (typeof x === 'string' ? x : '')).join('');
  return '';
}

export function childText(node: XmlNode | undefined, name: string): string | undefined {
  return text(child(node, name));
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  if (!isElement(node)) return undefined;
  const v = node[ATTR + name];
  return typeof v === 'string' ? v : undefined;
}

/** Names of the child elements (not attributes, not text), in first-seen order. */
export function elementNames(node: XmlNode | undefined): string[] {
  if (!isElement(node)) return [];
  return Object.keys(node).filter((k) => !k.startsWith(ATTR) && k !== TEXT);
}

/** Pairs (name, node) for every child element; order across different names is by name group. */
export function elements(node: XmlNode | undefined): [string, XmlNode][] {
  const out: [string, XmlNode][] = [];
  for (const name of elementNames(node)) for (const c of children(node, name)) out.push([name, c]);
  return out;
}

export function isLeaf(node: XmlNode | undefined): boolean {
  return node !== undefined && elementNames(node).length === 0;
}
