/**
 * Intacct's own trial balance (get_trialbalance, read through the client) per entity and reporting
 * period, stored beside the raw tables as `intacct_trial_balance`, so a data test can compare the
 * warehouse's trial balance mart with it in SQL. Read once per `run` / `models test --tie-out`.
 */
import type { TrialBalanceRow } from '../intacct/response.ts';
import type { ModelsAdapter } from './adapters.ts';
import type { SqlRunner } from './build.ts';

export const TRIAL_BALANCE_TABLE = 'intacct_trial_balance';

export interface TrialBalanceReader {
  trialBalance(
    entity: string | null,
    range: { startDate: string; endDate: string },
  ): Promise<readonly TrialBalanceRow[]>;
}

export interface PeriodRange {
  readonly startDate: string;
  readonly endDate: string;
}

const COLUMNS = [
  ['entity_id', 'varchar'],
  ['period_start', 'date'],
  ['period_end', 'date'],
  ['account_no', 'varchar'],
  ['start_balance', 'numeric(38,9)'],
  ['debits', 'numeric(38,9)'],
  ['credits', 'numeric(38,9)'],
  ['end_balance', 'numeric(38,9)'],
] as const;

export function compileCreateTrialBalanceTable(
  adapter: ModelsAdapter,
  schema: string,
  replace: boolean,
): string {
  const q = (s: string) => `${adapter.quoteChar}${s}${adapter.quoteChar}`;
  const types = COLUMNS.map(([c, t]) => `${q(c)} ${t === 'varchar' ? adapter.crossDb.type_string() : t}`);
  return `${replace ? 'create or replace table' : 'create table if not exists'} ${q(schema)}.${q(TRIAL_BALANCE_TABLE)} (${types.join(', ')})`;
}

export function compileInsertTrialBalance(
  adapter: ModelsAdapter,
  schema: string,
  rows: readonly { entity: string; period: PeriodRange; row: TrialBalanceRow }[],
): string[] {
  const q = (s: string) => `${adapter.quoteChar}${s}${adapter.quoteChar}`;
  const lit = adapter.literal;
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows
      .slice(i, i + 500)
      .map(
        ({ entity, period, row }) =>
          `(${lit(entity)}, cast(${lit(period.startDate)} as date), cast(${lit(period.endDate)} as date), ${lit(row.glAccountNo)}, ` +
          `cast(${lit(row.startBalance)} as numeric(38,9)), cast(${lit(row.debits)} as numeric(38,9)), ` +
          `cast(${lit(row.credits)} as numeric(38,9)), cast(${lit(row.endBalance)} as numeric(38,9)))`,
      );
    out.push(
      `insert into ${q(schema)}.${q(TRIAL_BALANCE_TABLE)} (${COLUMNS.map(([c]) => q(c)).join(', ')}) values\n${values.join(',\n')}`,
    );
  }
  return out;
}

/** Reads Intacct's trial balance for every entity and period and replaces the stored copy. */
export async function snapshotTrialBalance(options: {
  readonly reader: TrialBalanceReader;
  readonly runner: SqlRunner;
  readonly adapter: ModelsAdapter;
  readonly schema: string;
  readonly entities: readonly string[];
  readonly periods: readonly PeriodRange[];
}): Promise<number> {
  const rows: { entity: string; period: PeriodRange; row: TrialBalanceRow }[] = [];
  for (const entity of options.entities) {
    for (const period of options.periods) {
      const tb = await options.reader.trialBalance(entity === '' ? null : entity, period);
      for (const row of tb) rows.push({ entity, period, row });
    }
  }
  await options.runner.query(compileCreateTrialBalanceTable(options.adapter, options.schema, true));
  for (const sql of compileInsertTrialBalance(options.adapter, options.schema, rows)) {
    await options.runner.query(sql);
  }
  return rows.length;
}
