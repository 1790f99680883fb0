import type { SandboxStore } from '../store.ts';
import type { CursorStore } from './cursors.ts';
import type { DtdVersion, ParsedFunction } from './request.ts';
import type { XmlText } from './xml-writer.ts';

/**
 * How record pages are served. `fast` (the default): query result sets cached per store version and
 * cut at a keyset bound by binary search, records written by a compiled renderer, the response
 * encoded once from pieces. `general`: every page scanned, filtered, sorted and rendered field by
 * field, the response joined into one string; slower, and kept as the reference the fast path is
 * tested against byte for byte.
 */
export const PAGE_SERVING = ['fast', 'general'] as const;
export type PageServing = (typeof PAGE_SERVING)[number];

/** Protocol behaviour the reference leaves open; each is a setting with Intacct's likeliest default. */
export interface ProtocolSettings {
  /** The company / API user time zone for zone-less timestamps. */
  readonly timezone: string;
  /** The `endpoint` getAPISession hands out. */
  readonly endpointUrl: string;
  /** UNCONFIRMED: how a repeated function controlid under uniqueid=true is answered. */
  readonly duplicateStyle: 'failure' | 'no-status';
  /** Max keys for read / readByName (SDK limit). */
  readonly maxReadKeys: number;
  /**
   * Bad user credentials: `authentication` (XL03000006 in the authentication block, HTTP 200, as the
   * classic gateway answers) or `http401` (newer gateways: HTTP 401, control failure, XMLGW_JPP0002).
   */
  readonly badUserStyle: 'authentication' | 'http401';
  /** Intacct documents no generic ARINVOICE create (use create_invoice); true allows it anyway. */
  readonly genericArInvoiceCreate: boolean;
  /**
   * UNCONFIRMED: whether create_potransaction keeps a given `documentno` (`given`) or numbers the
   * document itself as a definition with auto numbering may (`auto`).
   */
  readonly poDocumentNumbering: 'given' | 'auto';
}

export interface SessionInfo {
  readonly sessionId: string;
  readonly locationId: string;
}

/** What one function handler may see and do. */
export interface FunctionContext {
  readonly store: SandboxStore;
  readonly settings: ProtocolSettings;
  readonly cursors: CursorStore;
  readonly companyId: string;
  readonly userId: string;
  /** The session's entity; null for the top level. */
  readonly entityId: string | null;
  readonly dtdVersion: DtdVersion;
  /** Real time, ms (sessions and cursors age in real time; data stamps use the store clock). */
  readonly nowMs: number;
  readonly pageServing: PageServing;
  /** Opens a new API session for an entity (getAPISession). */
  openSession(entityId: string | null): SessionInfo;
  /** Records which object a function touched, for stats. */
  noteObject(object: string): void;
}

export interface FunctionOutput {
  /** Pre-rendered `<data>`/`<key>` XML; none for delete. */
  readonly body?: XmlText;
}

export type FunctionHandler = (fn: ParsedFunction, ctx: FunctionContext) => FunctionOutput;

/** The cursor scope of a session: readMore by `<object>` continues only the same scope's cursor. */
export function scopeKey(ctx: FunctionContext): string {
  return `${ctx.companyId}|${ctx.userId}|${ctx.entityId ?? ''}`;
}
