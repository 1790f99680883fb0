/** Shared by customer_details and vendor_details: the master record, open balance and recent documents. */
import { type Filter, Params, compileWhere, money, text } from '../sql.ts';
import { type ToolContext, entityFilter, plain } from './tool.ts';

export interface PartySpec {
  readonly dim: string;
  readonly idColumn: string;
  readonly nameColumn: string;
  readonly fact: string;
  readonly aging: string;
  readonly dateColumn: string;
  readonly keyColumn: string;
  readonly stateColumn: string;
}

export async function partyDetails(
  ctx: ToolContext,
  spec: PartySpec,
  args: { id: string; entity?: string | undefined; recent: number },
): Promise<unknown> {
  const d = ctx.dialect;
  const p = new Params(d);
  const [master] = await ctx.warehouse.query(
    `select * from ${ctx.mart(spec.dim)}${compileWhere([{ column: spec.idColumn, op: '=', value: args.id }], p)}`,
    p.values,
  );
  if (!master) {
    throw new RangeError(
      `no ${spec.dim.replace('dim_', '')} with id ${JSON.stringify(args.id)} in the warehouse`,
    );
  }
  const scope: Filter[] = [
    ...entityFilter(ctx, args.entity),
    { column: spec.idColumn, op: '=', value: args.id },
  ];
  const recentParams = new Params(d);
  const recent = await ctx.warehouse.query(
    `select ${spec.keyColumn}, document_id, entity_id, ${text(d, spec.dateColumn, spec.dateColumn)}, ${text(d, 'due_date', 'due_date')}, ` +
      `${spec.stateColumn}, base_currency, ${money(d, 'total_entered', 'total_entered')}, ${money(d, 'total_due', 'total_due')} ` +
      `from ${ctx.mart(spec.fact)}${compileWhere(scope, recentParams)} order by ${spec.dateColumn} desc, ${spec.keyColumn} desc ` +
      `limit ${Math.min(args.recent, ctx.maxRows)}`,
    recentParams.values,
  );
  const openParams = new Params(d);
  const open = await ctx.warehouse.query(
    `select base_currency, count(*) as documents, ${money(d, 'sum(open_amount)', 'open_amount')}, ${text(d, 'max(as_of_date)', 'as_of_date')} ` +
      `from ${ctx.mart(spec.aging)}${compileWhere(scope, openParams)} group by base_currency order by base_currency`,
    openParams.values,
  );
  return {
    [spec.dim.replace('dim_', '')]: plain(masterMoney(master)),
    open: open.map(plain),
    recent: recent.map(plain),
  };
}

/** Decimal columns of a dim as strings (the driver returns a decimal object). */
function masterMoney(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row))
    out[k] = v !== null && typeof v === 'object' && !(v instanceof Date) ? String(v) : v;
  return out;
}
