/** Every event receiver, one per provider; `events serve` mounts each at its path. */
import type { EventSourceDescriptor } from '../source.ts';
import { chargebeeSource } from './chargebee.ts';
import { payrollSource } from './payroll.ts';
import { salesforceSource } from './salesforce.ts';
import { stripeSource } from './stripe.ts';

export const EVENT_SOURCES: readonly EventSourceDescriptor[] = [
  stripeSource,
  chargebeeSource,
  salesforceSource,
  payrollSource,
];

export function sourceByPath(path: string): EventSourceDescriptor | undefined {
  return EVENT_SOURCES.find((s) => s.path === path);
}
