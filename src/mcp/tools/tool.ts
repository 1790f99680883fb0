/**
 * One gateway tool: its name, typed input (zod) and how it answers. Each tool lives in its own file
 * and is listed in `index.ts`; the server adds access control and the audit around every call.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { AccessPolicy } from '../access.ts';
import type { WriteDeps } from '../writes/engine.ts';
import { type Filter, type PageQuery, type SqlDialect, compilePage } from '../sql.ts';

export interface ToolContext {
  readonly warehouse: Warehouse;
  readonly dialect: SqlDialect;
  /** Relation of a mart (`analytics_marts.trial_balance`). */
  readonly mart: (name: string) => string;
  /** Relation of a control table in the raw schema. */
  readonly control: (name: string) => string;
  readonly access: AccessPolicy;
  /** Largest page a caller may ask for. */
  readonly maxRows: number;
  /** The reverse-ETL engine's dependencies; null where writes cannot run (no Intacct config). */
  readonly writes: WriteDeps | null;
}

export interface ToolDescriptor<S extends z.ZodRawShape = z.ZodRawShape> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** read; plan: a write's first step (validates, stages, never sends); apply: posts a plan. */
  readonly kind: 'read' | 'plan' | 'apply';
  readonly input: S;
  run(ctx: ToolContext, args: z.infer<z.ZodObject<S>>): Promise<unknown>;
}

export function defineTool<S extends z.ZodRawShape>(tool: ToolDescriptor<S>): ToolDescriptor<S> {
  return tool;
}

/** Shared input fields. */
export const entityArg = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'an Intacct entity (location) id such as E100')
  .describe('Entity id (an Intacct location entity). Default: every entity the gateway allows.');
export const periodArg = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM, e.g. 2026-03')
  .describe('Fiscal month as YYYY-MM.');
export const dateArg = z.iso.date('a date as YYYY-MM-DD');
export const idArg = (what: string) => z.string().min(1).max(100).describe(`${what} id`);
export const amountArg = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,2})?$/, 'a positive decimal string with at most 2 decimals, e.g. "1250.00"')
  .describe('Amount as a decimal string (never a number), positive.');
export const plannedEntityArg = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'an Intacct entity id such as US1')
  .describe('Entity the record posts in.');
export const keyArg = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,40}$/, 'letters, digits, dot, dash or underscore, at most 40')
  .optional()
  .describe('Your key for this record (default: derived from its content); the same key posts once.');
export const pageArgs = {
  limit: z.number().int().min(1).max(1000).default(50).describe('Rows per page (capped by the server).'),
  cursor: z
    .string()
    .regex(/^\d+$/, 'the nextCursor of a previous page')
    .optional()
    .describe('nextCursor from the previous page.'),
};

/** The key of a write the agent gave no key for: derived from its content, so a repeat is the same key. */
export function derivedKey(content: unknown): string {
  return `mcp-${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16)}`;
}

/** The write tools' common first checks: writes can run here, and the entity is allowed. */
export function writeContext(ctx: ToolContext, entity: string): WriteDeps {
  if (!ctx.writes) throw new RangeError('writes are not available on this server (no Intacct configuration)');
  ctx.access.assertEntity(entity);
  return ctx.writes;
}

/** First day of a YYYY-MM month. */
export function periodStart(period: string): string {
  return `${period}-01`;
}

/** The entity filter: the one asked for (if allowed) or the allow-list, or nothing when all are allowed. */
export function entityFilter(ctx: ToolContext, entity: string | undefined, column = 'entity_id'): Filter[] {
  if (entity !== undefined) {
    ctx.access.assertEntity(entity);
    return [{ column, op: '=', value: entity }];
  }
  const allowed = ctx.access.entities;
  return allowed === null ? [] : [{ column, op: 'in', values: allowed }];
}

export interface Page<T> {
  readonly rows: T[];
  readonly nextCursor: string | null;
}

/** Runs one bounded page; the limit is capped by the server's maxRows. */
export async function readPage<T = Record<string, unknown>>(
  ctx: ToolContext,
  query: Omit<PageQuery, 'limit' | 'offset'>,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<T>> {
  const limit = Math.min(page.limit, ctx.maxRows);
  const offset = page.cursor === undefined ? 0 : Number(page.cursor);
  const { sql, params } = compilePage(ctx.dialect, { ...query, limit, offset });
  const rows = await ctx.warehouse.query<T>(sql, params);
  const more = rows.length > limit;
  return { rows: rows.slice(0, limit).map(plain) as T[], nextCursor: more ? String(offset + limit) : null };
}

/** Dates and bigints from the driver as JSON-safe values. */
export function plain(row: unknown): unknown {
  if (row === null || typeof row !== 'object') return typeof row === 'bigint' ? row.toString() : row;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] =
      typeof v === 'bigint'
        ? v.toString()
        : v instanceof Date
          ? v.toISOString()
          : v !== null && typeof v === 'object' && 'toString' in v && !Array.isArray(v)
            ? String(v)
            : v;
  }
  return out;
}
