import { add, compare } from '../core/decimal.ts';
import type { SchemaNames } from '../config/schema.ts';
import type { TrialBalanceRow } from '../intacct/response.ts';
import { quoteIdentifier } from '../warehouse/identifiers.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

export interface AccountDifference {
  readonly account: string;
  readonly warehouse: { readonly debits: string; readonly credits: string };
  readonly intacct: { readonly debits: string; readonly credits: string };
}

export interface EntityTieOut {
  readonly entity: string;
  readonly accounts: number;
  readonly debits: string;
  readonly credits: string;
  readonly differences: readonly AccountDifference[];
}

/** Debits and credits per account of the live GL lines of one entity over [startDate, endDate]. */
export async function warehouseTrialBalance(
  warehouse: Warehouse,
  schemas: SchemaNames,
  entity: string,
  range: { readonly startDate: string; readonly endDate: string },
): Promise<Map<string, { debits: string; credits: string }>> {
  const q = (name: string) => quoteIdentifier(name, warehouse.capabilities.identifierQuote);
  // Every name quoted: unquoted names would fold to upper case on Snowflake and miss the columns.
  const rows = await warehouse.query<{ account: string; debits: string; credits: string }>(
    `SELECT ${q('accountno')} AS ${q('account')},
            CAST(SUM(COALESCE(${q('debitamount')}, 0)) AS VARCHAR) AS ${q('debits')},
            CAST(SUM(COALESCE(${q('creditamount')}, 0)) AS VARCHAR) AS ${q('credits')}
       FROM ${q(schemas.raw)}.${q('gl_detail')}
      WHERE ${q('_deleted_at')} IS NULL AND ${q('_entity')} = $1
        AND ${q('batch_date')} BETWEEN CAST($2 AS DATE) AND CAST($3 AS DATE)
      GROUP BY ${q('accountno')}`,
    [entity, range.startDate, range.endDate],
  );
  return new Map(rows.map((r) => [r.account, { debits: r.debits, credits: r.credits }]));
}

/**
 * Compares the warehouse's GL with Intacct's own trial balance (get_trialbalance) for one entity,
 * account by account, to the cent. Intacct's numbers are the reference: this is the check a
 * controller would do by hand.
 */
export function tieOut(
  entity: string,
  warehouseRows: ReadonlyMap<string, { debits: string; credits: string }>,
  intacctRows: readonly TrialBalanceRow[],
): EntityTieOut {
  const zero = { debits: '0', credits: '0' };
  const intacct = new Map(intacctRows.map((r) => [r.glAccountNo, { debits: r.debits, credits: r.credits }]));
  const accounts = new Set([...warehouseRows.keys(), ...intacct.keys()]);
  const differences: AccountDifference[] = [];
  let debits = '0';
  let credits = '0';
  for (const account of [...accounts].sort()) {
    const w = warehouseRows.get(account) ?? zero;
    const i = intacct.get(account) ?? zero;
    debits = add(debits, w.debits);
    credits = add(credits, w.credits);
    if (compare(w.debits, i.debits) !== 0 || compare(w.credits, i.credits) !== 0) {
      differences.push({ account, warehouse: w, intacct: i });
    }
  }
  return { entity, accounts: accounts.size, debits, credits, differences };
}
