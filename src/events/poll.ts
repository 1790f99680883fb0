/**
 * Polling for sources without webhooks (ADP): ask a feed for what changed since the watermark,
 * store each item in the same queue as the webhooks (by event id, so an item seen twice is a
 * no-op), then advance the watermark. A crash before the watermark is written asks again; the
 * queue's event ids make the repeat harmless.
 *
 * A feed is an HTTP(S) endpoint (`GET <url>?since=<watermark>`, answering `{ "events": […],
 * "watermark": "…" }`; an optional bearer token) or a JSON file of the same shape (items newer than
 * the watermark by `occurredAt`). Each item is a payroll/time event body (sources/payroll.ts).
 */
import { readFileSync } from 'node:fs';
import { ClassifiedError, errorMessage } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { NormalizedEvent } from './event.ts';
import type { EventQueue } from './queue.ts';
import { MalformedEvent } from './source.ts';
import { payrollEvent } from './sources/payroll.ts';

export interface FeedPage {
  readonly events: readonly unknown[];
  /** The watermark to ask from next time. */
  readonly watermark: string;
}

export interface PollFeed {
  readonly describe: string;
  since(watermark: string | null): Promise<FeedPage>;
}

function page(value: unknown, where: string): FeedPage {
  const v = value as { events?: unknown; watermark?: unknown };
  if (typeof v !== 'object' || v === null || !Array.isArray(v.events))
    throw new ClassifiedError(`${where}: the feed must answer {"events": [...], "watermark": "..."}`, {
      kind: 'terminal',
    });
  return { events: v.events, watermark: typeof v.watermark === 'string' ? v.watermark : '' };
}

export function httpFeed(url: string, token?: string): PollFeed {
  return {
    describe: url,
    async since(watermark) {
      const u = new URL(url);
      if (watermark) u.searchParams.set('since', watermark);
      const res = await fetch(u, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!res.ok)
        throw new ClassifiedError(`poll feed answered HTTP ${res.status}`, {
          kind: res.status >= 500 || res.status === 429 ? 'transient' : 'terminal',
          fix: 'Check events.adpPoll.url and its token',
        });
      return page(await res.json(), url);
    },
  };
}

export function fileFeed(path: string): PollFeed {
  return {
    describe: path,
    async since(watermark) {
      const p = page(JSON.parse(readFileSync(path, 'utf8')) as unknown, path);
      const newer = p.events.filter((e) => {
        const at = (e as { occurredAt?: unknown }).occurredAt;
        return watermark === null || (typeof at === 'string' && at > watermark);
      });
      let latest = watermark ?? '';
      for (const e of newer) {
        const at = String((e as { occurredAt?: unknown }).occurredAt ?? '');
        if (at > latest) latest = at;
      }
      return { events: newer, watermark: latest };
    },
  };
}

export interface PollReport {
  readonly fetched: number;
  readonly stored: number;
  readonly duplicates: number;
  /** Items that could not be read: left out (with the reason logged); the rest go on. */
  readonly malformed: readonly string[];
  readonly watermark: string | null;
}

export async function pollOnce(
  source: string,
  feed: PollFeed,
  queue: EventQueue,
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<PollReport> {
  const from = await queue.watermark(source);
  const p = await feed.since(from);
  let stored = 0;
  let duplicates = 0;
  const malformed: string[] = [];
  for (const [i, item] of p.events.entries()) {
    let event: NormalizedEvent;
    try {
      if (typeof item !== 'object' || item === null) throw new MalformedEvent('not a JSON object');
      event = payrollEvent(item as Record<string, unknown>, source);
    } catch (error) {
      if (!(error instanceof MalformedEvent)) throw error;
      malformed.push(`item ${i}: ${error.message}`);
      logger.warn('poll item left out: malformed', { source, item: i, reason: errorMessage(error) });
      continue;
    }
    if ((await queue.accept(event, now())) === 'stored') stored++;
    else duplicates++;
  }
  const watermark = p.watermark || from;
  if (watermark && watermark !== from) await queue.setWatermark(source, watermark, now());
  return { fetched: p.events.length, stored, duplicates, malformed, watermark };
}
