/**
 * The durable event queue (`_elt_events`: one row per source and provider event id, so a
 * redelivery is a no-op), its dead-letter table (`_elt_events_dead`) and the poll watermarks
 * (`_elt_event_polls`). Portable SQL with `$n` parameters, as the reverse ledger.
 */
import { errorMessage } from '../core/errors.ts';
import { quoteIdentifier } from '../warehouse/identifiers.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { NormalizedEvent } from './event.ts';

export const EVENT_STATES = [
  /** Stored; the worker lands and posts it. */
  'queued',
  /** Waiting for what it needs (its payment intent, its invoice posted); checked again later. */
  'waiting',
  /** Landed and posted (or nothing to post). */
  'done',
  /** In the dead-letter table with the reason; `events retry` queues it again. */
  'dead',
] as const;
export type EventState = (typeof EVENT_STATES)[number];

export interface QueuedEvent {
  readonly event: NormalizedEvent;
  readonly status: EventState;
  readonly attempts: number;
  readonly receivedAt: Date;
  readonly reason: string | null;
}

export interface DeadEvent {
  readonly source: string;
  readonly eventId: string;
  readonly type: string;
  readonly reason: string;
  readonly attempts: number;
  readonly failedAt: string;
}

const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

export class EventQueue {
  private readonly events: string;
  private readonly dead: string;
  private readonly polls: string;

  constructor(
    private readonly warehouse: Warehouse,
    schema: string,
  ) {
    const q = (n: string) => quoteIdentifier(n, warehouse.capabilities.identifierQuote);
    this.events = `${q(schema)}.${q('_elt_events')}`;
    this.dead = `${q(schema)}.${q('_elt_events_dead')}`;
    this.polls = `${q(schema)}.${q('_elt_event_polls')}`;
  }

  /** Stores an event once; a second delivery of the same id changes nothing. */
  async accept(event: NormalizedEvent, at: Date): Promise<'stored' | 'duplicate'> {
    const found = await this.warehouse.query<{ n: unknown }>(
      `SELECT count(*) AS n FROM ${this.events} WHERE source = $1 AND event_id = $2`,
      [event.source, event.eventId],
    );
    if (Number(found[0]?.n ?? 0) > 0) return 'duplicate';
    try {
      await this.warehouse.query(
        `INSERT INTO ${this.events} (source, event_id, event_type, occurred_at, received_at, payload, status,
           attempts, next_attempt_at, reason, posted_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'queued', 0, $5, NULL, NULL, $5)`,
        [event.source, event.eventId, event.type, event.occurredAt, at, JSON.stringify(event)],
      );
    } catch (error) {
      // Two deliveries of one id at the same moment: the key refuses the second.
      if (/constraint|duplicate|primary key/i.test(errorMessage(error))) return 'duplicate';
      throw error;
    }
    return 'stored';
  }

  /** Events due now (queued, or waiting whose time has come), oldest first. */
  async due(limit: number, now: Date): Promise<QueuedEvent[]> {
    const rows = await this.warehouse.query<Record<string, unknown>>(
      `SELECT payload, status, attempts, received_at, reason FROM ${this.events}
       WHERE status IN ('queued', 'waiting') AND next_attempt_at <= $1
       ORDER BY received_at, source, event_id LIMIT ${Math.max(1, Math.floor(limit))}`,
      [now],
    );
    return rows.map((r) => ({
      event: JSON.parse(String(r.payload)) as NormalizedEvent,
      status: String(r.status) as EventState,
      attempts: Number(r.attempts ?? 0),
      receivedAt: iso(r.received_at),
      reason: r.reason === null || r.reason === undefined ? null : String(r.reason),
    }));
  }

  /** When the next pending event is due, or null when none is pending. */
  async nextDue(): Promise<Date | null> {
    const rows = await this.warehouse.query<{ at: unknown }>(
      `SELECT min(next_attempt_at) AS at FROM ${this.events} WHERE status IN ('queued', 'waiting')`,
    );
    const at = rows[0]?.at;
    return at === null || at === undefined ? null : iso(at);
  }

  private async set(
    e: NormalizedEvent,
    fields: { status: EventState; attempts?: number; nextAt?: Date; reason: string | null; postedAt?: Date },
    at: Date,
  ): Promise<void> {
    await this.warehouse.query(
      `UPDATE ${this.events} SET status = $1, attempts = coalesce($2, attempts), next_attempt_at = coalesce($3, next_attempt_at),
         reason = $4, posted_at = coalesce($5, posted_at), updated_at = $6
       WHERE source = $7 AND event_id = $8`,
      [
        fields.status,
        fields.attempts ?? null,
        fields.nextAt ?? null,
        fields.reason,
        fields.postedAt ?? null,
        at,
        e.source,
        e.eventId,
      ],
    );
  }

  async done(e: NormalizedEvent, at: Date, note: string | null = null): Promise<void> {
    await this.set(e, { status: 'done', reason: note, postedAt: at }, at);
  }

  /** Marks many events done in a few statements (a burst). */
  async doneAll(events: readonly NormalizedEvent[], at: Date): Promise<void> {
    const bySource = new Map<string, string[]>();
    for (const e of events) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e.eventId]);
    for (const [source, ids] of bySource) {
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        await this.warehouse.query(
          `UPDATE ${this.events} SET status = 'done', reason = NULL, posted_at = $1, updated_at = $1
           WHERE source = $2 AND event_id IN (${chunk.map((_, k) => `$${k + 3}`).join(', ')})`,
          [at, source, ...chunk],
        );
      }
    }
  }

  async wait(e: NormalizedEvent, reason: string, nextAt: Date, at: Date): Promise<void> {
    await this.set(e, { status: 'waiting', reason, nextAt }, at);
  }

  async retryLater(
    e: NormalizedEvent,
    reason: string,
    attempts: number,
    nextAt: Date,
    at: Date,
  ): Promise<void> {
    await this.set(e, { status: 'queued', reason, attempts, nextAt }, at);
  }

  /** Moves an event to the dead-letter table with the reason (its queue row stays, as `dead`). */
  async deadLetter(e: NormalizedEvent, reason: string, attempts: number, at: Date): Promise<void> {
    await this.warehouse.query(`DELETE FROM ${this.dead} WHERE source = $1 AND event_id = $2`, [
      e.source,
      e.eventId,
    ]);
    await this.warehouse.query(
      `INSERT INTO ${this.dead} (source, event_id, event_type, reason, attempts, failed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [e.source, e.eventId, e.type, reason, attempts, at],
    );
    await this.set(e, { status: 'dead', reason, attempts }, at);
  }

  /** Waiting events are looked at again now (something they wait for may have been posted). */
  async wakeWaiting(at: Date): Promise<void> {
    await this.warehouse.query(
      `UPDATE ${this.events} SET next_attempt_at = $1 WHERE status = 'waiting' AND next_attempt_at > $1`,
      [at],
    );
  }

  async deadEvents(): Promise<DeadEvent[]> {
    const rows = await this.warehouse.query<Record<string, unknown>>(
      `SELECT source, event_id, event_type, reason, attempts, failed_at FROM ${this.dead} ORDER BY failed_at, source, event_id`,
    );
    return rows.map((r) => ({
      source: String(r.source),
      eventId: String(r.event_id),
      type: String(r.event_type),
      reason: String(r.reason),
      attempts: Number(r.attempts ?? 0),
      failedAt: iso(r.failed_at).toISOString(),
    }));
  }

  /** Queues dead events again (all, or those of one source / ids); answers how many. */
  async retryDead(filter: { source?: string; eventIds?: readonly string[] }, at: Date): Promise<number> {
    const dead = (await this.deadEvents()).filter(
      (d) =>
        (filter.source === undefined || d.source === filter.source) &&
        (filter.eventIds === undefined || filter.eventIds.includes(d.eventId)),
    );
    for (const d of dead) {
      await this.warehouse.query(
        `UPDATE ${this.events} SET status = 'queued', attempts = 0, next_attempt_at = $1, reason = NULL, updated_at = $1
         WHERE source = $2 AND event_id = $3`,
        [at, d.source, d.eventId],
      );
      await this.warehouse.query(`DELETE FROM ${this.dead} WHERE source = $1 AND event_id = $2`, [
        d.source,
        d.eventId,
      ]);
    }
    return dead.length;
  }

  /** Counts by state. */
  async counts(): Promise<Record<EventState, number>> {
    const rows = await this.warehouse.query<{ status: string; n: unknown }>(
      `SELECT status, count(*) AS n FROM ${this.events} GROUP BY status`,
    );
    const out = Object.fromEntries(EVENT_STATES.map((s) => [s, 0])) as Record<EventState, number>;
    for (const r of rows) if (r.status in out) out[r.status as EventState] = Number(r.n);
    return out;
  }

  async watermark(source: string): Promise<string | null> {
    const rows = await this.warehouse.query<{ watermark: unknown }>(
      `SELECT watermark FROM ${this.polls} WHERE source = $1`,
      [source],
    );
    return rows[0] ? String(rows[0].watermark) : null;
  }

  async setWatermark(source: string, watermark: string, at: Date): Promise<void> {
    const updated = await this.warehouse.query<{ n: unknown }>(
      `SELECT count(*) AS n FROM ${this.polls} WHERE source = $1`,
      [source],
    );
    if (Number(updated[0]?.n ?? 0) > 0)
      await this.warehouse.query(
        `UPDATE ${this.polls} SET watermark = $1, updated_at = $2 WHERE source = $3`,
        [watermark, at, source],
      );
    else
      await this.warehouse.query(
        `INSERT INTO ${this.polls} (source, watermark, updated_at) VALUES ($1, $2, $3)`,
        [source, watermark, at],
      );
  }
}
