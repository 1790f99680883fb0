/**
 * Where a write result becomes a record outcome: the one place that reads the client's per-function
 * results (matched to functions by control id), so a change in how the client reports them is
 * adapted here only.
 */
import type { WriteResult } from '../intacct/client.ts';

export type WriteOutcome =
  | { readonly kind: 'posted'; readonly intacctKey: string | null }
  /** Intacct had already run this control id: the record exists; find its key by lookup. */
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'rejected'; readonly errors: readonly string[] };

export function outcomeOf(result: WriteResult): WriteOutcome {
  if (result.status === 'success') {
    const ref = result.records[0];
    return { kind: 'posted', intacctKey: ref?.recordNo ?? ref?.fields.key ?? null };
  }
  if (result.status === 'duplicate') return { kind: 'duplicate' };
  const error = result.error;
  const texts = error
    ? [
        ...error.vendor.map((v) =>
          [v.code, v.description, v.description2, v.correction]
            .filter((x) => x && x.trim() !== '')
            .join(': '),
        ),
      ]
    : [];
  if (texts.length === 0) texts.push(error?.message ?? `Intacct answered ${result.status}`);
  if (result.status === 'aborted') texts.unshift('not applied: another function of its transaction failed');
  return { kind: 'rejected', errors: texts };
}
