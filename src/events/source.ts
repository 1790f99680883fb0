/**
 * One receiver per provider: how its requests are authenticated and how its event JSON becomes a
 * normalized event. Each lives in its own file under `sources/` and is listed in `sources/index.ts`.
 */
import type { NormalizedEvent } from './event.ts';
import type { Verdict } from './signatures.ts';

/** The receivers' secrets (config `events.*`, from the environment or secret files only). */
export interface EventSecrets {
  readonly stripeSecret?: string | undefined;
  readonly chargebeeUsername?: string | undefined;
  readonly chargebeePassword?: string | undefined;
  readonly salesforceSecret?: string | undefined;
  readonly payrollSecret?: string | undefined;
}

export interface IncomingRequest {
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly rawBody: string;
}

export interface EventSourceDescriptor {
  readonly name: string;
  /** POST path of the receiver. */
  readonly path: string;
  readonly summary: string;
  /** Null when the receiver is configured; otherwise what to set. */
  readonly missing: (secrets: EventSecrets) => string | null;
  readonly verify: (
    req: IncomingRequest,
    secrets: EventSecrets,
    nowSeconds: number,
    tolerance: number,
  ) => Verdict;
  /** The event, or why the body is malformed (a 400: the provider should not retry it as it is). */
  readonly parse: (rawBody: string) => NormalizedEvent | { readonly error: string };
  /** Public sources for the provider's names relied on. */
  readonly sources: readonly string[];
}

export function defineSource(source: EventSourceDescriptor): EventSourceDescriptor {
  return source;
}

/** A malformed-body error carried out of the readers below. */
export class MalformedEvent extends Error {}

type Json = Record<string, unknown>;

export function parseJsonObject(rawBody: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(rawBody);
  } catch {
    throw new MalformedEvent('the body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new MalformedEvent('the body is not a JSON object');
  return value as Json;
}

export function obj(o: Json, key: string, where: string): Json {
  const v = o[key];
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new MalformedEvent(`${where}.${key} must be an object`);
  return v as Json;
}

export function optObj(o: Json, key: string): Json | null {
  const v = o[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
}

export function arr(o: Json, key: string, where: string): Json[] {
  const v = o[key];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'object' || x === null))
    throw new MalformedEvent(`${where}.${key} must be an array of objects`);
  return v as Json[];
}

export function str(o: Json, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '')
    throw new MalformedEvent(`${where}.${key} must be a non-empty string`);
  return v;
}

export function optStr(o: Json, key: string, where: string): string | null {
  const v = o[key];
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') throw new MalformedEvent(`${where}.${key} must be a string`);
  return v;
}

/** A whole number (Stripe and Chargebee amounts in minor units, Unix times), exact as text. */
export function int(o: Json, key: string, where: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v))
    throw new MalformedEvent(`${where}.${key} must be a whole number`);
  return v;
}

export function optInt(o: Json, key: string, where: string): number | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  return int(o, key, where);
}

/**
 * A decimal amount in our signed JSON: a string such as "1200.00", never a JSON number (a number
 * would pass through binary floating point).
 */
export function decimalText(o: Json, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || !/^-?\d+(\.\d+)?$/.test(v))
    throw new MalformedEvent(`${where}.${key} must be a decimal amount written as a string, e.g. "1200.00"`);
  return v;
}

export function isoDate(o: Json, key: string, where: string): string {
  const v = str(o, key, where);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
    throw new MalformedEvent(`${where}.${key} must be a date YYYY-MM-DD`);
  return v;
}

export function isoInstant(o: Json, key: string, where: string): string {
  const v = str(o, key, where);
  const ms = Date.parse(v);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(ms))
    throw new MalformedEvent(`${where}.${key} must be an ISO 8601 instant such as 2026-11-02T10:00:00Z`);
  return new Date(ms).toISOString();
}

/** Runs a parser, turning a MalformedEvent into the `{ error }` answer. */
export function guarded(
  parse: (rawBody: string) => NormalizedEvent,
): (rawBody: string) => NormalizedEvent | { error: string } {
  return (rawBody) => {
    try {
      return parse(rawBody);
    } catch (error) {
      if (error instanceof MalformedEvent) return { error: error.message };
      throw error;
    }
  };
}
