/**
 * Lands events in the source tables the reverse models read (in the demo project, the seeds).
 * An object is replaced as a whole (delete its rows, insert the new ones) unless a newer version
 * of it (or the same version, from another event) was landed already: an older event arriving
 * late never overwrites a newer state, and two views of one state never flip-flop. Values
 * are bound as text and cast by the warehouse to the column's type, so amounts stay exact.
 */
import type { JobConfig } from '../config/schema.ts';
import { planProject } from '../models/build.ts';
import { loadProject } from '../models/project.ts';
import { jobVars, targetFor } from '../models/run-models.ts';
import { assertIdentifier, quoteIdentifier } from '../warehouse/identifiers.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { Landing, Requirement } from './event.ts';

/** The relation a source table lives in (`schema.table`, quoted). */
export type TableRelation = (table: string) => string;

/** The dbt project's seed relations: where the demo's source tables are built. */
export function seedRelations(config: JobConfig, projectDir: string): TableRelation {
  const plan = planProject(loadProject(projectDir), targetFor(config), jobVars(config));
  return (table) => plan.renderer.seedRelation(assertIdentifier(table, 'source table')).toString();
}

const canonicalMatch = (match: Readonly<Record<string, string>>) =>
  JSON.stringify(
    Object.keys(match)
      .sort()
      .map((k) => [k, match[k]]),
  );

export class Lander {
  private readonly versions: string;
  private readonly q: (n: string) => string;

  constructor(
    private readonly warehouse: Warehouse,
    controlSchema: string,
    private readonly relation: TableRelation,
  ) {
    this.q = (n) => quoteIdentifier(n, warehouse.capabilities.identifierQuote);
    this.versions = `${this.q(controlSchema)}.${this.q('_elt_event_versions')}`;
  }

  /** One multi-row INSERT of `rows` into `rel`, every value bound. */
  private async insertRows(
    rel: string,
    columns: readonly string[],
    rows: readonly Readonly<Record<string, string | null>>[],
  ): Promise<void> {
    const params: (string | null)[] = [];
    const tuples = rows.map((row) => {
      const base = params.length;
      for (const c of columns) params.push(row[c] ?? null);
      return `(${columns.map((_, k) => `$${base + k + 1}`).join(', ')})`;
    });
    await this.warehouse.query(
      `INSERT INTO ${rel} (${columns.map((c) => this.q(assertIdentifier(c, 'column'))).join(', ')}) VALUES ${tuples.join(', ')}`,
      params,
    );
  }

  private where(match: Readonly<Record<string, string>>, offset = 0): { sql: string; params: string[] } {
    const keys = Object.keys(match).sort();
    return {
      sql: keys.map((k, i) => `${this.q(k)} = $${offset + i + 1}`).join(' AND '),
      params: keys.map((k) => match[k]!),
    };
  }

  /** Lands one object; answers `stale` when a newer version is already there (nothing changes). */
  async land(l: Landing, eventId: string, at: Date): Promise<'landed' | 'stale'> {
    const key = canonicalMatch(l.match);
    const rows = await this.warehouse.query<{ version: unknown; event_id: unknown }>(
      `SELECT version, event_id FROM ${this.versions} WHERE target = $1 AND object_key = $2`,
      [l.table, key],
    );
    const current = rows[0] ? String(rows[0].version) : null;
    // A newer version wins; of two events with the same version the first landed stays (a
    // redelivery of that same event lands again, harmlessly).
    if (
      current !== null &&
      (current > l.version || (current === l.version && String(rows[0]?.event_id) !== eventId))
    )
      return 'stale';
    const rel = this.relation(l.table);
    const w = this.where(l.match);
    await this.warehouse.query(`DELETE FROM ${rel} WHERE ${w.sql}`, w.params);
    for (let i = 0; i < l.rows.length; i += 100) {
      const chunk = l.rows.slice(i, i + 100);
      await this.insertRows(rel, Object.keys(chunk[0]!), chunk);
    }
    if (current === null)
      await this.warehouse.query(
        `INSERT INTO ${this.versions} (target, object_key, version, event_id, updated_at) VALUES ($1, $2, $3, $4, $5)`,
        [l.table, key, l.version, eventId, at],
      );
    else
      await this.warehouse.query(
        `UPDATE ${this.versions} SET version = $1, event_id = $2, updated_at = $3 WHERE target = $4 AND object_key = $5`,
        [l.version, eventId, at, l.table, key],
      );
    return 'landed';
  }

  /**
   * Lands many objects with a few statements per table (a burst): the winner per object is the
   * newest version (the first landed of equal versions), then one delete, one insert and one
   * version write per table and chunk. Same outcome as landing them one by one, in order.
   */
  async landAll(
    items: readonly { readonly landing: Landing; readonly eventId: string }[],
    at: Date,
  ): Promise<void> {
    const byTable = new Map<string, { landing: Landing; eventId: string; key: string }[]>();
    for (const i of items) {
      const list = byTable.get(i.landing.table) ?? [];
      list.push({ ...i, key: canonicalMatch(i.landing.match) });
      byTable.set(i.landing.table, list);
    }
    for (const [table, list] of byTable) {
      const current = new Map<string, { version: string; eventId: string }>();
      const keys = [...new Set(list.map((l) => l.key))];
      for (let i = 0; i < keys.length; i += 500) {
        const chunk = keys.slice(i, i + 500);
        const rows = await this.warehouse.query<{ object_key: unknown; version: unknown; event_id: unknown }>(
          `SELECT object_key, version, event_id FROM ${this.versions}
           WHERE target = $1 AND object_key IN (${chunk.map((_, k) => `$${k + 2}`).join(', ')})`,
          [table, ...chunk],
        );
        for (const r of rows)
          current.set(String(r.object_key), { version: String(r.version), eventId: String(r.event_id) });
      }
      const winners = new Map<string, { landing: Landing; eventId: string }>();
      for (const l of list) {
        const cur = winners.get(l.key) ?? current.get(l.key);
        const curVersion = cur ? ('landing' in cur ? cur.landing.version : cur.version) : null;
        if (
          cur !== undefined &&
          curVersion !== null &&
          (curVersion > l.landing.version || (curVersion === l.landing.version && cur.eventId !== l.eventId))
        )
          continue;
        winners.set(l.key, { landing: l.landing, eventId: l.eventId });
      }
      if (winners.size === 0) continue;
      const rel = this.relation(table);
      const won = [...winners.entries()];
      for (let i = 0; i < won.length; i += 100) {
        const chunk = won.slice(i, i + 100);
        const params: string[] = [];
        const ors = chunk.map(([, w]) => {
          const cond = this.where(w.landing.match, params.length);
          params.push(...cond.params);
          return `(${cond.sql})`;
        });
        await this.warehouse.query(`DELETE FROM ${rel} WHERE ${ors.join(' OR ')}`, params);
      }
      const rows = won.flatMap(([, w]) => w.landing.rows);
      const bySignature = new Map<string, (typeof rows)[number][]>();
      for (const r of rows) {
        const sig = Object.keys(r).join(',');
        bySignature.set(sig, [...(bySignature.get(sig) ?? []), r]);
      }
      for (const [sig, group] of bySignature) {
        const columns = sig.split(',');
        for (let i = 0; i < group.length; i += 200) {
          await this.insertRows(rel, columns, group.slice(i, i + 200));
        }
      }
      for (let i = 0; i < won.length; i += 200) {
        const chunk = won.slice(i, i + 200);
        await this.warehouse.query(
          `DELETE FROM ${this.versions} WHERE target = $1 AND object_key IN (${chunk.map((_, k) => `$${k + 2}`).join(', ')})`,
          [table, ...chunk.map(([key]) => key)],
        );
        const params: (string | Date)[] = [];
        const tuples = chunk.map(([key, w]) => {
          const base = params.length;
          params.push(table, key, w.landing.version, w.eventId, at);
          return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5})`;
        });
        await this.warehouse.query(
          `INSERT INTO ${this.versions} (target, object_key, version, event_id, updated_at) VALUES ${tuples.join(', ')}`,
          params,
        );
      }
    }
  }

  /** Whether a required source row is there. */
  async has(r: Requirement): Promise<boolean> {
    const w = this.where(r.match);
    const rows = await this.warehouse.query<{ n: unknown }>(
      `SELECT count(*) AS n FROM ${this.relation(r.table)} WHERE ${w.sql}`,
      w.params,
    );
    return Number(rows[0]?.n ?? 0) > 0;
  }

  /** Values of `select` in the rows of `table` where `column` = `value` (a subscription's invoices). */
  async values(table: string, column: string, value: string, select: string): Promise<string[]> {
    const rows = await this.warehouse.query<{ v: unknown }>(
      `SELECT ${this.q(select)} AS v FROM ${this.relation(table)} WHERE ${this.q(column)} = $1`,
      [value],
    );
    return rows.map((r) => String(r.v));
  }
}
