/**
 * Intacct reports timestamps without a zone, in the API user's (company's) time zone, and takes
 * dates as MM/DD/YYYY. Everything we store is UTC; these helpers convert both ways, DST included.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The wall-clock time in `timeZone` at the instant `epochMs`. */
export function wallTime(epochMs: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** Offset of `timeZone` from UTC in milliseconds at the instant `epochMs`. */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return wallAsUtc(wallTime(whole, timeZone)) - whole;
}

/**
 * The UTC instant of a wall-clock time in `timeZone`. In a DST overlap the earlier instant wins; a
 * time inside a DST gap is moved forward by the gap, as clocks do.
 */
export function wallToEpoch(w: WallTime, timeZone: string): number {
  const asUtc = wallAsUtc(w);
  // Away from a transition the offset is one number for the whole hour: the cache keeps the Intl
  // lookups (the slow part) off the per-row path of a large read.
  const key = `${timeZone}|${w.year}|${w.month}|${w.day}|${w.hour}`;
  const cached = stableOffsets.get(key);
  if (cached !== undefined) return asUtc - cached;
  const before = zoneOffsetMs(asUtc - DAY_MS, timeZone);
  const after = zoneOffsetMs(asUtc + DAY_MS, timeZone);
  if (before === after) {
    if (stableOffsets.size >= 50_000) stableOffsets.clear();
    stableOffsets.set(key, before);
    return asUtc - before;
  }
  // Near a transition: keep the candidates that really show this wall time; the earlier wins.
  const matches = [asUtc - before, asUtc - after]
    .filter((epoch) => sameWall(wallTime(epoch, timeZone), w))
    .sort((a, b) => a - b);
  // None matches inside a gap: the pre-transition offset moves the time forward by the gap.
  return matches[0] ?? asUtc - before;
}

const DAY_MS = 86_400_000;
const stableOffsets = new Map<string, number>();

function sameWall(a: WallTime, b: WallTime): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second === b.second
  );
}

const TIMESTAMP_RE =
  /^(?:(\d{1,2})\/(\d{1,2})\/(\d{4})|(\d{4})-(\d{2})-(\d{2}))(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an Intacct timestamp into epoch milliseconds. Accepts `MM/DD/YYYY HH:MM:SS` (Intacct's
 * form), ISO `YYYY-MM-DD[ T]HH:MM:SS`, and either with an explicit offset, which then wins over
 * `timeZone`. Returns null for an empty value; throws on anything else.
 */
export function parseIntacctTimestamp(text: string | null | undefined, timeZone: string): number | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const m = TIMESTAMP_RE.exec(text.trim());
  if (!m) throw new RangeError(`not an Intacct timestamp: ${JSON.stringify(text)}`);
  const w: WallTime = {
    year: Number(m[3] ?? m[4]),
    month: Number(m[1] ?? m[5]),
    day: Number(m[2] ?? m[6]),
    hour: Number(m[7] ?? 0),
    minute: Number(m[8] ?? 0),
    second: Number(m[9] ?? 0),
  };
  if (
    w.month < 1 ||
    w.month > 12 ||
    w.day < 1 ||
    w.day > 31 ||
    w.hour > 23 ||
    w.minute > 59 ||
    w.second > 59
  ) {
    throw new RangeError(`not an Intacct timestamp: ${JSON.stringify(text)}`);
  }
  const zone = m[10];
  if (zone) {
    if (zone === 'Z') return wallAsUtc(w);
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    return wallAsUtc(w) - offset;
  }
  return wallToEpoch(w, timeZone);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Formats an instant as Intacct does: `MM/DD/YYYY HH:MM:SS` in `timeZone`. */
export function formatIntacctTimestamp(epochMs: number, timeZone: string): string {
  const w = wallTime(epochMs, timeZone);
  return `${pad(w.month)}/${pad(w.day)}/${pad(w.year, 4)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** Formats an instant as ISO 8601 with the zone's offset, as Intacct does for session times. */
export function formatOffsetTimestamp(epochMs: number, timeZone: string): string {
  const w = wallTime(epochMs, timeZone);
  const offsetMin = Math.round(zoneOffsetMs(epochMs, timeZone) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const DATE_RE = /^(?:(\d{1,2})\/(\d{1,2})\/(\d{4})|(\d{4})-(\d{2})-(\d{2}))$/;

/** `MM/DD/YYYY` (or ISO) to ISO `YYYY-MM-DD`; null for empty; throws on anything else. */
export function parseIntacctDate(text: string | null | undefined): string | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const m = DATE_RE.exec(text.trim());
  if (!m) throw new RangeError(`not an Intacct date: ${JSON.stringify(text)}`);
  const year = Number(m[3] ?? m[4]);
  const month = Number(m[1] ?? m[5]);
  const day = Number(m[2] ?? m[6]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`not a calendar date: ${JSON.stringify(text)}`);
  }
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** ISO `YYYY-MM-DD` to Intacct's `MM/DD/YYYY`. */
export function formatIntacctDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${m}/${d}/${y}`;
}

/** ISO UTC string with microsecond-compatible precision (milliseconds), for warehouses and logs. */
export function toIsoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
