/**
 * What a provider event becomes once it is verified and read: rows to land in the source tables
 * the reverse models read (latest version wins), the records of reverse flows it affects, and the
 * source rows it needs before it may post (out-of-order deliveries wait for them).
 */

/** A value landed in a source table: text, as the reverse models cast their columns to text. */
export type LandedValue = string | null;

/**
 * One object of a source table, replaced as a whole: every row matching `match` is deleted and
 * `rows` inserted, unless a newer version of the same object was already landed.
 */
export interface Landing {
  /** The source table (a seed or landed table of the dbt project), e.g. `stripe_charge`. */
  readonly table: string;
  /** Columns identifying the object (its id, or a run id for multi-row objects). */
  readonly match: Readonly<Record<string, string>>;
  readonly rows: readonly Readonly<Record<string, LandedValue>>[];
  /** The provider's version of the object (an ISO instant); an older one never overwrites a newer. */
  readonly version: string;
}

/** Records of a reverse flow that an event changes: exact external keys, or key prefixes. */
export interface Affect {
  readonly flow: string;
  readonly keys?: readonly string[];
  /** Every record (in the model or posted in the ledger) whose key starts with one of these. */
  readonly prefixes?: readonly string[];
  /**
   * Prefixes found through a landed table: `CB-<id>-` for every `id` of `table` where `column` is
   * `value` (a subscription's invoices).
   */
  readonly via?: {
    readonly table: string;
    readonly column: string;
    readonly value: string;
    readonly select: string;
    readonly prefix: string;
    readonly suffix: string;
  };
}

/** A source row the event needs before it posts (a charge needs its payment intent). */
export interface Requirement {
  readonly table: string;
  readonly match: Readonly<Record<string, string>>;
  /** Said when the event gives up waiting. */
  readonly what: string;
}

export interface NormalizedEvent {
  readonly source: string;
  readonly eventId: string;
  readonly type: string;
  /** When the provider says it happened (ISO UTC). */
  readonly occurredAt: string;
  readonly landings: readonly Landing[];
  readonly affects: readonly Affect[];
  readonly requires: readonly Requirement[];
}

/** An event type this receiver accepts but does nothing with (stored, so redeliveries stay no-ops). */
export function ignoredEvent(
  source: string,
  eventId: string,
  type: string,
  occurredAt: string,
): NormalizedEvent {
  return { source, eventId, type, occurredAt, landings: [], affects: [], requires: [] };
}

/** Unix seconds → ISO UTC. */
export function isoFromUnix(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** Unix seconds → `YYYY-MM-DD HH:MM:SS` (UTC), the text form the demo source tables hold. */
export function sqlTimeFromUnix(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Unix seconds → `YYYY-MM-DD` (UTC). */
export function dateFromUnix(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
