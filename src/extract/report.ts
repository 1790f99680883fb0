import type { RunReport } from './sync.ts';

const n = (x: number) => x.toLocaleString('en-US');

/** The run report as a table a finance user can read. */
export function formatReport(report: RunReport): string {
  const header = ['object', 'read', 'inserted', 'updated', 'deleted', 'API calls', 'seconds'];
  const rows = report.objects.map((o) => [
    o.failed > 0 ? `${o.object} (FAILED ${o.failed})` : o.object,
    n(o.rowsRead),
    n(o.inserted),
    n(o.updated),
    n(o.deleted),
    n(o.apiCalls),
    o.seconds.toFixed(1),
  ]);
  const total = report.objects.reduce(
    (t, o) => ({
      read: t.read + o.rowsRead,
      ins: t.ins + o.inserted,
      upd: t.upd + o.updated,
      del: t.del + o.deleted,
    }),
    { read: 0, ins: 0, upd: 0, del: 0 },
  );
  rows.push([
    'total',
    n(total.read),
    n(total.ins),
    n(total.upd),
    n(total.del),
    n(report.apiCalls),
    seconds(report),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const entities = report.entities.map((e) => e || '(top level)').join(', ');
  const out = [
    `${report.command} ${report.status} — load ${report.loadId}, entities: ${entities}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  if (report.schemaChanges.length > 0) out.push('', `Schema changes: ${report.schemaChanges.join('; ')}`);
  if (report.skippedObjects.length > 0) {
    out.push('', 'Objects this company does not have (skipped):');
    for (const o of report.skippedObjects) out.push(`  ${o.object}`);
  }
  if (report.skippedFields.length > 0) {
    out.push('', 'Fields not read (NULL columns this run):');
    for (const s of report.skippedFields) {
      const why = s.reason === 'absent' ? "not in the company's definition" : 'refused by Intacct';
      out.push(`  ${s.object}: ${s.fields.join(', ')} (${why})`);
    }
  }
  if (report.errors.length > 0) {
    out.push('', 'Failures (these objects keep their previous watermark and are read again next run):');
    for (const e of report.errors) out.push(`  ${e.object}${e.entity ? ` @ ${e.entity}` : ''}: ${e.message}`);
  }
  return out.join('\n');
}

function seconds(report: RunReport): string {
  return ((Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000).toFixed(1);
}
