import { type Filter, Params, compileWhere, text } from '../sql.ts';
import { defineTool, idArg, plain } from './tool.ts';

/** The watermark state and the last successful load: how current the warehouse answers are. */
export const dataFreshnessTool = defineTool({
  name: 'data_freshness',
  title: 'Data freshness',
  description:
    'When each Intacct object (per entity) was last synced: its watermark (records modified up to then are in the warehouse), when the state was written, and the last successful load. Use it to say how current an answer is.',
  kind: 'read',
  input: {
    object: idArg('Intacct object (e.g. GLDETAIL)').optional(),
  },
  async run(ctx, a) {
    const d = ctx.dialect;
    const where: Filter[] = [];
    if (a.object) where.push({ column: 'object', op: '=', value: a.object });
    const allowed = ctx.access.entities;
    // Top-level objects (entity '') are shared by every entity, so they are always shown.
    if (allowed !== null) where.push({ column: 'entity', op: 'in', values: ['', ...allowed] });
    const p = new Params(d);
    const states = await ctx.warehouse.query(
      `select object, entity, watermark, ${text(d, 'updated_at', 'updated_at')}, load_id from ${ctx.control('_elt_state')}` +
        `${compileWhere(where, p)} order by object, entity`,
      p.values,
    );
    const lp = new Params(d);
    const [lastLoad] = await ctx.warehouse.query(
      `select load_id, command, ${text(d, 'started_at', 'started_at')}, ${text(d, 'finished_at', 'finished_at')} from ${ctx.control('_elt_loads')}` +
        `${compileWhere([{ column: 'status', op: '=', value: 'succeeded' }], lp)} order by finished_at desc limit 1`,
      lp.values,
    );
    const now = new Date();
    return {
      now: now.toISOString(),
      lastSuccessfulLoad: lastLoad ? plain(lastLoad) : null,
      objects: states.map((s) => {
        const row = plain(s) as Record<string, unknown>;
        const wm = typeof row.watermark === 'string' ? Date.parse(row.watermark) : Number.NaN;
        return {
          ...row,
          minutesBehind: Number.isFinite(wm) ? Math.floor((now.getTime() - wm) / 60_000) : null,
        };
      }),
    };
  },
});
