import { zoneOffsetMs } from '../../core/time.ts';
import type { ValueType } from './query-eval.ts';

/**
 * Formats canonical store values the way Intacct writes them: zone-less 'MM/DD/YYYY HH:MM:SS' in
 * the company zone, 'MM/DD/YYYY' dates, decimals as plain text, empty for null. Booleans differ by
 * function: readByQuery writes database characters (T/F), read/create/update write true/false.
 */
export const BOOLEAN_STYLES = ['TF', 'truefalse'] as const;
export type BooleanStyle = (typeof BOOLEAN_STYLES)[number];

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

// Zone offsets change only at transitions; caching per quarter hour keeps formatting of large pages
// cheap without ever crossing one (every real transition falls on a quarter hour).
const QUARTER_HOUR = 15 * 60_000;
const offsetCache = new Map<string, number>();

function cachedOffset(epochMs: number, timezone: string): number {
  const bucket = Math.floor(epochMs / QUARTER_HOUR);
  const key = `${timezone}|${bucket}`;
  let off = offsetCache.get(key);
  if (off === undefined) {
    off = zoneOffsetMs(bucket * QUARTER_HOUR, timezone);
    if (offsetCache.size > 200_000) offsetCache.clear();
    offsetCache.set(key, off);
  }
  return off;
}

/** Canonical 'YYYY-MM-DDTHH:MM:SSZ' (or any ISO instant) to zone-less Intacct form in `timezone`. */
export function formatTimestamp(iso: string, timezone: string): string {
  const epoch = Date.parse(iso);
  if (Number.isNaN(epoch)) return iso;
  const d = new Date(epoch + cachedOffset(epoch, timezone));
  return `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(
    d.getUTCMinutes(),
  )}:${pad2(d.getUTCSeconds())}`;
}

/** Canonical 'YYYY-MM-DD' to 'MM/DD/YYYY'. */
export function formatDate(iso: string): string {
  if (iso.length < 10 || iso[4] !== '-') return iso;
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

export function formatValue(
  value: string | null | undefined,
  type: ValueType | undefined,
  timezone: string,
  booleans: BooleanStyle,
): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'timestamp':
      return formatTimestamp(value, timezone);
    case 'date':
      return formatDate(value);
    case 'boolean':
      if (booleans === 'TF') return value === 'true' ? 'T' : value === 'false' ? 'F' : value;
      return value;
    default:
      return value;
  }
}
