/**
 * Reads a flow's reverse model from the warehouse and groups its rows into records by external key,
 * with a payload hash (what the plan diffs against the ledger) and deterministic control ids.
 */
import { createHash } from 'node:crypto';
import { ClassifiedError } from '../core/errors.ts';
import { lowerCaseKeys } from '../models/build.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { Cell, FlowDescriptor, Row, SourceRecord } from './flow.ts';

const LINE_PREFIX = 'line_';

function text(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Every record of the flow's model, grouped by external key (lines ordered by `line_no`). */
export async function readFlowRecords(
  warehouse: Warehouse,
  relation: string,
  flow: FlowDescriptor,
): Promise<SourceRecord[]> {
  let rows: Record<string, unknown>[];
  try {
    // The model's columns are unquoted: Snowflake returns them upper case (EXTERNAL_KEY).
    rows = await lowerCaseKeys(warehouse, warehouse.capabilities.type).query(`SELECT * FROM ${relation}`);
  } catch (error) {
    throw new ClassifiedError(`flow ${flow.name}: cannot read its model ${relation}`, {
      kind: 'terminal',
      level: 'warehouse',
      cause: error,
      fix: `Build the reverse models first (intacct-elt models build --select ${flow.model}), then push`,
    });
  }
  return groupRows(flow.name, rows);
}

export function groupRows(flowName: string, rows: readonly Record<string, unknown>[]): SourceRecord[] {
  const byKey = new Map<string, { entity: string; header: Record<string, Cell>; lines: Row[] }>();
  for (const raw of rows) {
    const key = text(raw.external_key);
    if (key === null) {
      throw new ClassifiedError(`flow ${flowName}: a model row has no external_key`, {
        kind: 'terminal',
        fix: 'Every reverse model row needs a deterministic external_key',
      });
    }
    const header: Record<string, Cell> = {};
    const line: Record<string, Cell> = {};
    let hasLine = false;
    for (const [column, value] of Object.entries(raw)) {
      if (column.startsWith(LINE_PREFIX)) {
        line[column] = text(value);
        hasLine = true;
      } else header[column] = text(value);
    }
    let group = byKey.get(key);
    if (!group) {
      group = { entity: text(raw.entity) ?? '', header, lines: [] };
      byKey.set(key, group);
    }
    if (hasLine) group.lines.push(line);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([externalKey, g]) => ({
      flow: flowName,
      externalKey,
      entity: g.entity,
      header: g.header,
      lines: g.lines.sort((a, b) => Number(a.line_no ?? 0) - Number(b.line_no ?? 0)),
    }));
}

/** A stable JSON text: object keys sorted. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function payloadHash(record: SourceRecord): string {
  return createHash('sha256')
    .update(canonical({ entity: record.entity, header: record.header, lines: record.lines }))
    .digest('hex')
    .slice(0, 32);
}

/**
 * The function controlid of one write: the same record, payload and step always give the same id,
 * so a replay (a retry, or a rerun after a crash) is refused by Intacct as a duplicate rather than
 * posted twice.
 */
export function controlIdFor(record: SourceRecord, hash: string, step: string): string {
  const digest = createHash('sha256')
    .update(`${record.flow}\u0000${record.entity}\u0000${record.externalKey}\u0000${hash}\u0000${step}`)
    .digest('hex')
    .slice(0, 24);
  return `rev-${digest}`;
}
