import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ClassifiedError } from '../core/errors.ts';
import { RecordRows } from './record-rows.ts';
import { ScanError, findDataContent, scanRecords } from './record-scan.ts';
import { type ParsedResponse, readEnvelope, type XNode } from './response.ts';

/**
 * Reads a record page from the HTTP body: the bytes are decoded as they arrive (strict UTF-8) and
 * the page's text (one page, so memory stays bounded by the page size) is read when the body ends:
 * the records inside `<data>` by the scanner in record-scan.ts, the small envelope around them by
 * saxes. A page is released only when the document closed cleanly; a cut-off or malformed body is
 * a transient error, never a partial page. Anything the scanner does not take is read again by
 * saxes alone, so the scanner only ever makes a page faster, never different.
 */

/** One raw Intacct record: field name to text; empty elements are null. */
export type RawRecord = Record<string, string | null>;

export interface DataAttributes {
  readonly listType: string;
  readonly count: number | undefined;
  readonly totalCount: number | undefined;
  readonly numRemaining: number | undefined;
  readonly resultId: string;
  readonly offset: number | undefined;
}

export interface RecordPage {
  readonly envelope: ParsedResponse;
  /** Attributes of the first result's `<data>`; undefined when it had none. */
  readonly data: DataAttributes | undefined;
  /** The records as rows of values (the bulk read's form). */
  readonly rows: RecordRows;
  /** The records by field name, made from `rows` when first asked for. */
  readonly records: RawRecord[];
}

/** A page whose named records are made only if something asks for them. */
export function recordPage(
  envelope: ParsedResponse,
  data: DataAttributes | undefined,
  rows: RecordRows,
): RecordPage {
  let records: RawRecord[] | undefined;
  return {
    envelope,
    data,
    rows,
    get records() {
      records ??= rows.toRecords();
      return records;
    },
  };
}

interface Building {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: Building[];
}

const toInt = (s: string | undefined): number | undefined => {
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

function freeze(b: Building): XNode {
  return { name: b.name, attrs: b.attrs, text: b.text.trim(), children: b.children.map(freeze) };
}

function attrsOf(tag: SaxesTagPlain): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tag.attributes)) out[k] = String(v);
  return out;
}

/**
 * A push parser for one response document. `write` bytes as they arrive, then `end()`; it builds
 * the small envelope as a tree and the records under `response/operation/result/data` as flat
 * RawRecords.
 */
export class RecordPageParser {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly parts: string[] = [];
  private failure: Error | undefined;

  write(chunk: Uint8Array | string): void {
    if (this.failure) return;
    try {
      const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
      if (text) this.parts.push(text);
    } catch (e) {
      this.failure ??= e as Error;
    }
  }

  /** Finishes the document; throws a transient ClassifiedError when it was cut off or malformed. */
  end(): RecordPage {
    if (!this.failure) {
      try {
        const rest = this.decoder.decode();
        if (rest) this.parts.push(rest);
      } catch (e) {
        this.failure ??= e as Error;
      }
    }
    if (this.failure) return new SaxesPageParser(this.failure).end();
    const text = this.parts.join('');
    this.parts.length = 0;
    let start = -1;
    let scanned: { rows: RecordRows; closeAt: number } | undefined;
    try {
      start = findDataContent(text);
      if (start >= 0) scanned = scanRecords(text, start);
    } catch (e) {
      if (!(e instanceof ScanError)) throw e;
    }
    if (scanned) {
      // The envelope with an empty <data>: small, so saxes reads it cheaply.
      const envelope = new SaxesPageParser();
      envelope.write(text.slice(0, start));
      envelope.write(text.slice(scanned.closeAt));
      const page = envelope.endIfData();
      if (page) return recordPage(page.envelope, page.data, scanned.rows);
    }
    const whole = new SaxesPageParser();
    whole.write(text);
    return whole.end();
  }
}

/** The event parser: the envelope of every page, and the whole page when the scanner declines it. */
class SaxesPageParser {
  private readonly sax = new SaxesParser({ xmlns: false, position: false });
  private readonly stack: Building[] = [];
  private root: Building | undefined;
  private failure: Error | undefined;
  readonly records: RawRecord[] = [];
  // Record state: depth of the data element in the stack, the current record and field path.
  private dataDepth = -1;
  private innerDepth = 0;
  private record: RawRecord | undefined;
  private fieldPath: string[] = [];
  private fieldHasChildren: boolean[] = [];
  private fieldText = '';
  private firstData: Building | undefined;

  constructor(failure?: Error) {
    this.failure = failure;
    this.sax.on('error', (e) => {
      this.failure ??= e;
    });
    this.sax.on('doctype', () => {
      this.failure ??= new Error('document declares a DTD (an HTML page?)');
    });
    this.sax.on('opentag', (tag) => this.open(tag));
    this.sax.on('closetag', () => this.close());
    this.sax.on('text', (t) => this.text(t));
    this.sax.on('cdata', (t) => this.text(t));
  }

  // Hot path: inside <data> nothing is allocated per field except its value; the envelope
  // outside it is small and kept as a tree.
  private open(tag: SaxesTagPlain): void {
    if (this.dataDepth >= 0) {
      const inner = ++this.innerDepth;
      if (inner === 1) {
        this.record = {};
      } else {
        if (inner > 2) this.fieldHasChildren[this.fieldHasChildren.length - 1] = true;
        this.fieldPath.push(tag.name);
        this.fieldHasChildren.push(false);
        this.fieldText = '';
      }
      return;
    }
    const depth = this.stack.length;
    const node: Building = { name: tag.name, attrs: attrsOf(tag), text: '', children: [] };
    const parent = this.stack[depth - 1];
    if (parent) parent.children.push(node);
    else this.root ??= node;
    this.stack.push(node);
    // response/operation/result/data: the record container (only the first result's is streamed).
    if (
      tag.name === 'data' &&
      depth === 3 &&
      !this.firstData &&
      this.stack[2]?.name === 'result' &&
      this.stack[1]?.name === 'operation'
    ) {
      this.dataDepth = depth;
      this.innerDepth = 0;
      this.firstData = node;
    }
  }

  private close(): void {
    if (this.dataDepth >= 0) {
      const inner = this.innerDepth--;
      if (inner === 0) {
        // </data> itself.
        this.dataDepth = -1;
        this.stack.pop();
      } else if (inner === 1) {
        if (this.record) this.records.push(this.record);
        this.record = undefined;
      } else {
        // Only leaf fields carry values; nested fields are flattened as PARENT.CHILD.
        if (this.record && !this.fieldHasChildren[this.fieldHasChildren.length - 1]) {
          const key = this.fieldPath.length === 1 ? (this.fieldPath[0] as string) : this.fieldPath.join('.');
          const value = this.fieldText === '' ? null : this.fieldText;
          if (value !== null || !(key in this.record)) this.record[key] = value;
        }
        this.fieldPath.pop();
        this.fieldHasChildren.pop();
        this.fieldText = '';
      }
      return;
    }
    this.stack.pop();
  }

  private text(t: string): void {
    if (this.dataDepth >= 0) {
      if (this.innerDepth > 1) this.fieldText += t;
      return;
    }
    const top = this.stack[this.stack.length - 1];
    if (top) top.text += t;
  }

  write(text: string): void {
    if (this.failure) return;
    try {
      if (text) this.sax.write(text);
    } catch (e) {
      this.failure ??= e as Error;
    }
  }

  /** The page when the document is sound and its first result has a <data> element, else undefined. */
  endIfData(): RecordPage | undefined {
    try {
      const page = this.end();
      return this.firstData ? page : undefined;
    } catch {
      return undefined;
    }
  }

  /** Finishes the document; throws a transient ClassifiedError when it was cut off or malformed. */
  end(): RecordPage {
    if (!this.failure) {
      try {
        this.sax.close();
      } catch (e) {
        this.failure ??= e as Error;
      }
    }
    if (!this.failure && (!this.root || this.stack.length > 0))
      this.failure = new Error('document is incomplete');
    if (this.failure) {
      throw new ClassifiedError(`malformed or cut-off Intacct response: ${this.failure.message}`, {
        kind: 'transient',
        level: 'http',
        cause: this.failure,
      });
    }
    const envelope = readEnvelope(freeze(this.root!));
    const a = this.firstData?.attrs;
    const data = a
      ? {
          listType: a.listtype ?? '',
          count: toInt(a.count),
          totalCount: toInt(a.totalcount),
          numRemaining: toInt(a.numremaining),
          resultId: a.resultId ?? a.resultid ?? '',
          offset: toInt(a.offset),
        }
      : undefined;
    return recordPage(envelope, data, RecordRows.fromRecords(this.records));
  }
}

/** Reads a whole body stream into a RecordPage. */
export async function readRecordPage(body: AsyncIterable<Uint8Array | string>): Promise<RecordPage> {
  const parser = new RecordPageParser();
  for await (const chunk of body) parser.write(chunk);
  return parser.end();
}

/** Parses a record page with the event parser alone (tests compare the scanner with it). */
export function parseRecordPageWithSaxes(xml: string): RecordPage {
  const parser = new SaxesPageParser();
  parser.write(xml);
  return parser.end();
}

/** Parses a record page held in memory (tests, fixtures). */
export function parseRecordPage(xml: string): RecordPage {
  const parser = new RecordPageParser();
  parser.write(xml);
  return parser.end();
}
