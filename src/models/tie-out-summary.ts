/**
 * The tie-out as the marts tell it, for the demo and `run`: per entity, the trial balance mart
 * against Intacct's get_trialbalance (periods, debits, accounts that differ) and the subledgers
 * against their control accounts.
 */
import { lowerCaseKeys, type SqlRunner } from './build.ts';
import type { Renderer } from './render.ts';

export interface EntityTieOutLine {
  readonly entity: string;
  readonly periods: number;
  readonly debits: string;
  readonly intacctDebits: string;
  readonly differences: number;
  readonly arDifference: string;
  readonly apDifference: string;
}

export async function tieOutFromMarts(runner: SqlRunner, renderer: Renderer): Promise<EntityTieOutLine[]> {
  const tieOut = renderer.relationOf('trial_balance_tie_out');
  const subledger = renderer.relationOf('subledger_tie_out');
  const text = renderer.adapter.crossDb.type_string();
  const rows = await lowerCaseKeys(runner, renderer.adapter.type).query<Record<string, unknown>>(
    `with tb as (
       select entity_id, count(distinct period_start_date) as periods,
              sum(coalesce(period_debits, 0)) as debits, sum(coalesce(intacct_debits, 0)) as intacct_debits,
              sum(case when difference <> 0 then 1 else 0 end) as differences
         from ${tieOut} group by entity_id
     ),
     sl as (
       select entity_id,
              sum(case when subledger = 'AR' then difference else 0 end) as ar_difference,
              sum(case when subledger = 'AP' then difference else 0 end) as ap_difference
         from ${subledger} group by entity_id
     )
     select tb.entity_id, tb.periods, cast(tb.debits as ${text}) as debits,
            cast(tb.intacct_debits as ${text}) as intacct_debits, tb.differences,
            cast(coalesce(sl.ar_difference, 0) as ${text}) as ar_difference,
            cast(coalesce(sl.ap_difference, 0) as ${text}) as ap_difference
       from tb left join sl on tb.entity_id = sl.entity_id
      order by tb.entity_id`,
  );
  return rows.map((r) => ({
    entity: String(r.entity_id),
    periods: Number(r.periods),
    debits: trim(String(r.debits)),
    intacctDebits: trim(String(r.intacct_debits)),
    differences: Number(r.differences),
    arDifference: trim(String(r.ar_difference)),
    apDifference: trim(String(r.ap_difference)),
  }));
}

/** 12.500000000 → 12.50: money shown to the cent, exact digits kept when there are more. */
function trim(value: string): string {
  const [whole, frac = ''] = value.split('.');
  const kept = frac.replace(/0+$/, '').padEnd(2, '0');
  return `${whole}.${kept}`;
}
