/**
 * The plan: each flow's model diffed against the ledger by external key and payload hash, and
 * validated. Pure given its inputs (records, ledger rows, reference data, settings), so a dry run
 * and a real push plan the same thing.
 */
import { compare, isDecimal } from '../core/decimal.ts';
import { type BuildContext, cell, type FlowDescriptor, type SourceRecord } from './flow.ts';
import { type LedgerEntry, ledgerKey } from './ledger.ts';
import { payloadHash } from './records.ts';
import type { ReferenceData } from './reference.ts';
import { validateRecord } from './validate.ts';

export const PLAN_ACTIONS = [
  'create',
  'update',
  /** Journal entries: reverse the posted version, post the new one. */
  'correct',
  /** Journal entries: the record left the model; reverse the posted version. */
  'retire',
  'unchanged',
  'rejected',
  /** Above the approval threshold and not yet approved: sent to Slack, not to Intacct. */
  'hold',
  'declined',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export interface PlanItem {
  readonly flow: string;
  readonly entity: string;
  readonly externalKey: string;
  readonly action: PlanAction;
  readonly payloadHash: string;
  /** Null for `retire` (the model no longer has the record). */
  readonly record: SourceRecord | null;
  readonly ledger: LedgerEntry | null;
  readonly reasons: readonly string[];
}

export interface PlanSettings {
  /** Approval threshold (a decimal string) for flows with an approval amount; null: none needed. */
  readonly approvalThreshold: string | null;
}

/** Plans one flow. `resolve` answers another flow's Intacct key (or a placeholder when planned). */
export function planFlow(
  flow: FlowDescriptor,
  records: readonly SourceRecord[],
  ledger: ReadonlyMap<string, LedgerEntry>,
  ref: ReferenceData,
  resolve: BuildContext['resolve'],
  settings: PlanSettings,
): PlanItem[] {
  const items: PlanItem[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const key = ledgerKey(record.entity, record.externalKey);
    seen.add(key);
    const e = ledger.get(key) ?? null;
    const hash = payloadHash(record);
    const item = (action: PlanAction, reasons: readonly string[] = []): PlanItem => ({
      flow: flow.name,
      entity: record.entity,
      externalKey: record.externalKey,
      action,
      payloadHash: hash,
      record,
      ledger: e,
      reasons,
    });
    const posted = e?.status === 'posted';
    if (posted && e.payloadHash === hash) {
      items.push(item('unchanged'));
      continue;
    }
    if (e?.status === 'declined' && e.payloadHash === hash) {
      items.push(item('declined', [`declined by ${e.decidedBy ?? 'an approver'}`]));
      continue;
    }
    const reasons = validateRecord(flow, record, ref, resolve);
    if (posted && flow.onChange === 'none' && reasons.length === 0) {
      reasons.push(
        `already posted to Intacct as ${flow.object} ${e.intacctKey ?? ''} and ${flow.object} cannot be changed by this flow; ` +
          'correct it in Intacct (credit or void) or restore the source values',
      );
    }
    if (reasons.length > 0) {
      items.push(item('rejected', reasons));
      continue;
    }
    if (posted) {
      items.push(item(flow.onChange === 'update' ? 'update' : 'correct'));
      continue;
    }
    if (flow.approvalAmount && settings.approvalThreshold !== null) {
      const amount = cell(record.header, flow.approvalAmount);
      const approved = e?.approval === 'approved' && e.payloadHash === hash;
      if (
        !approved &&
        amount !== null &&
        isDecimal(amount) &&
        compare(amount, settings.approvalThreshold) > 0
      ) {
        items.push(item('hold', [`${amount} is above the approval threshold ${settings.approvalThreshold}`]));
        continue;
      }
    }
    items.push(item('create'));
  }
  if (flow.onChange === 'correct') {
    for (const [key, e] of ledger) {
      if (seen.has(key) || e.status !== 'posted') continue;
      items.push({
        flow: flow.name,
        entity: e.entity,
        externalKey: e.externalKey,
        action: 'retire',
        payloadHash: e.payloadHash,
        record: null,
        ledger: e,
        reasons: [],
      });
    }
  }
  return items;
}

export interface PlanSummary {
  readonly flow: string;
  readonly counts: Readonly<Record<PlanAction, number>>;
}

export function summarize(items: readonly PlanItem[]): PlanSummary[] {
  const byFlow = new Map<string, Record<PlanAction, number>>();
  for (const i of items) {
    let c = byFlow.get(i.flow);
    if (!c) {
      c = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, 0])) as Record<PlanAction, number>;
      byFlow.set(i.flow, c);
    }
    c[i.action]++;
  }
  return [...byFlow.entries()].map(([flow, counts]) => ({ flow, counts }));
}

/** The plan as text: counts per flow, then one line per record that would change or was rejected. */
export function formatPlan(items: readonly PlanItem[]): string {
  const lines: string[] = [];
  const head = ['flow', ...PLAN_ACTIONS];
  const rows = summarize(items).map((s) => [s.flow, ...PLAN_ACTIONS.map((a) => String(s.counts[a]))]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  lines.push(fmt(head), ...rows.map(fmt));
  const changes = items.filter((i) => i.action !== 'unchanged');
  if (changes.length > 0) {
    lines.push('', 'action     flow                    entity  external key                  reasons');
    for (const i of changes) {
      lines.push(
        `${i.action.padEnd(10)} ${i.flow.padEnd(23)} ${(i.entity || '-').padEnd(7)} ${i.externalKey.padEnd(29)} ${i.reasons.join('; ')}`,
      );
    }
  }
  return lines.join('\n');
}
