import { takeBuffer } from './response-buffers.ts';

/**
 * A small string builder for response XML. Every value passes through `escapeXml`; element names
 * come from the catalog or from this module, never from request text without validation.
 */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// Characters XML 1.0 cannot carry at all; Intacct strips them, so do we.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

// Most values need no escaping; testing first avoids two replace passes per value on large pages.
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeXml(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Guards element names built from request input (object or field names). */
export function isXmlName(name: string): boolean {
  return NAME_RE.test(name);
}

/**
 * Rendered XML as one string or as pieces in document order. A record page stays in pieces (one per
 * record) until the response is encoded: joining it into one string first would allocate a
 * multi-megabyte string per request, twice (page, then envelope), and V8 maps every string that large
 * freshly from the kernel, which cost more than rendering the records did.
 */
export type XmlText = string | readonly string[];

export class XmlWriter {
  private readonly parts: string[] = [];

  raw(xml: XmlText): this {
    if (typeof xml === 'string') this.parts.push(xml);
    else for (const piece of xml) this.parts.push(piece);
    return this;
  }

  open(name: string, attrs?: Readonly<Record<string, string | number | undefined>>): this {
    this.parts.push(`<${name}${formatAttrs(attrs)}>`);
    return this;
  }

  close(name: string): this {
    this.parts.push(`</${name}>`);
    return this;
  }

  /** `<name>value</name>`; null or undefined give an empty element, as Intacct writes nulls. */
  leaf(name: string, value: string | number | null | undefined): this {
    if (value === null || value === undefined || value === '') this.parts.push(`<${name}></${name}>`);
    else this.parts.push(`<${name}>${escapeXml(String(value))}</${name}>`);
    return this;
  }

  empty(name: string, attrs?: Readonly<Record<string, string | number | undefined>>): this {
    this.parts.push(`<${name}${formatAttrs(attrs)}/>`);
    return this;
  }

  toString(): string {
    return this.parts.join('');
  }

  /**
   * The document as UTF-8, each piece encoded straight into one buffer: the same bytes as
   * `Buffer.from(this.toString())` (pieces end at markup, never inside a character), one copy fewer.
   * The buffer comes from response-buffers.ts; whoever sends it may give it back there.
   */
  toBuffer(): Buffer {
    const lengths = this.parts.map((p) => Buffer.byteLength(p, 'utf8'));
    let size = 0;
    for (const n of lengths) size += n;
    const out = takeBuffer(size);
    let at = 0;
    this.parts.forEach((p, i) => {
      // A piece with as many bytes as characters is ASCII, whose UTF-8 is its Latin-1: a plain copy,
      // several times cheaper than the UTF-8 encoder.
      at += out.write(p, at, lengths[i] === p.length ? 'latin1' : 'utf8');
    });
    return out;
  }
}

function formatAttrs(attrs?: Readonly<Record<string, string | number | undefined>>): string {
  if (!attrs) return '';
  let out = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    out += ` ${k}="${escapeXml(String(v))}"`;
  }
  return out;
}
