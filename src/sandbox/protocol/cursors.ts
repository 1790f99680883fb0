import { randomBytes } from 'node:crypto';
import type { SandboxFieldDef, SandboxObjectDef } from '../catalog.ts';
import type { SandboxRecord } from '../store.ts';

/**
 * readByQuery result sets. The matching records are captured when the query runs (records are
 * immutable in the store), so paging with readMore neither skips nor repeats however the data
 * changes meanwhile. A cursor expires after `ttlMs` without use and is dropped after its last page.
 */
export interface Cursor {
  readonly resultId: string;
  readonly def: SandboxObjectDef;
  readonly fields: readonly SandboxFieldDef[];
  readonly records: readonly SandboxRecord[];
  readonly pageSize: number;
  /** Key of the session scope that opened it (company|user|entity), for readMore by object. */
  readonly scope: string;
  position: number;
  lastUsedAt: number;
}

export class CursorStore {
  private readonly cursors = new Map<string, Cursor>();

  constructor(private ttlMs: number) {}

  setTtl(ms: number): void {
    this.ttlMs = ms;
  }

  open(c: Omit<Cursor, 'resultId' | 'lastUsedAt'>, nowMs: number): Cursor {
    this.sweep(nowMs);
    const cursor: Cursor = { ...c, resultId: randomBytes(12).toString('hex'), lastUsedAt: nowMs };
    this.cursors.set(cursor.resultId, cursor);
    return cursor;
  }

  get(resultId: string, nowMs: number): Cursor | undefined {
    const c = this.cursors.get(resultId);
    if (!c) return undefined;
    if (nowMs - c.lastUsedAt >= this.ttlMs) {
      this.cursors.delete(resultId);
      return undefined;
    }
    c.lastUsedAt = nowMs;
    return c;
  }

  /** The most recent open cursor of this object in this scope (readMore by `<object>`). */
  latest(object: string, scope: string, nowMs: number): Cursor | undefined {
    let best: Cursor | undefined;
    for (const c of this.cursors.values()) {
      if (c.def.name === object && c.scope === scope && (!best || c.lastUsedAt >= best.lastUsedAt)) best = c;
    }
    return best ? this.get(best.resultId, nowMs) : undefined;
  }

  close(resultId: string): void {
    this.cursors.delete(resultId);
  }

  /** Expires every cursor now (admin API). */
  clear(): number {
    const n = this.cursors.size;
    this.cursors.clear();
    return n;
  }

  sweep(nowMs: number): void {
    for (const [id, c] of this.cursors) if (nowMs - c.lastUsedAt >= this.ttlMs) this.cursors.delete(id);
  }

  get size(): number {
    return this.cursors.size;
  }
}
