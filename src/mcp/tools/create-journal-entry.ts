import { createHash } from 'node:crypto';
import { z } from 'zod';
import { agentJournal } from '../writes/agent-journal-flow.ts';
import { planWrite } from '../writes/engine.ts';
import { amountArg, dateArg, defineTool, idArg, keyArg, plannedEntityArg } from './tool.ts';

const line = z
  .object({
    account: idArg('GL account number'),
    side: z.enum(['debit', 'credit']),
    amount: amountArg,
    memo: z.string().max(200).optional(),
    department: idArg('Department').optional(),
    location: idArg('Location').optional(),
    project: idArg('Project').optional(),
    class: idArg('Class').optional(),
  })
  .strict();

/** Step one of a journal entry: validated by the reverse-ETL engine and staged, nothing sent. */
export const createJournalEntryTool = defineTool({
  name: 'create_journal_entry',
  title: 'Plan a journal entry',
  description:
    'Plans a balanced journal entry (GLBATCH) in one entity through the reverse-ETL engine: the same validation as push --dry-run (balance, accounts, dimensions active in the entity, open period). Nothing is sent: the answer has a planId; call apply_plan with it to post (only if the server enables writes for create_journal_entry). The same idempotencyKey never posts twice.',
  kind: 'plan',
  input: {
    entity: plannedEntityArg,
    journal: z
      .string()
      .regex(/^[A-Z0-9]{1,10}$/, 'a journal symbol such as GJ')
      .describe('Journal symbol, e.g. GJ.'),
    date: dateArg.describe('Posting date (YYYY-MM-DD).'),
    title: z.string().min(1).max(100).describe('Description of the entry.'),
    lines: z.array(line).min(2).max(200),
    idempotencyKey: keyArg,
  },
  async run(ctx, a) {
    if (!ctx.writes)
      throw new RangeError('writes are not available on this server (no Intacct configuration)');
    ctx.access.assertEntity(a.entity);
    const { idempotencyKey, ...content } = a;
    const key =
      idempotencyKey ??
      `mcp-${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16)}`;
    return planWrite(ctx.writes, {
      tool: 'create_journal_entry',
      flow: agentJournal,
      entity: a.entity,
      key,
      applyEnabled: ctx.access.writes.has('create_journal_entry'),
      rows: a.lines.map((l, i) => ({
        journal: a.journal,
        batch_date: a.date,
        title: a.title,
        line_no: String(i + 1),
        line_account: l.account,
        line_side: l.side,
        line_amount: l.amount,
        line_memo: l.memo ?? null,
        line_department: l.department ?? null,
        line_location: l.location ?? null,
        line_project: l.project ?? null,
        line_class: l.class ?? null,
      })),
    });
  },
});
