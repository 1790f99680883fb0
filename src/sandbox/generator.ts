/**
 * Builds the sandbox company: a top level and three entities (USD, GBP, EUR), lists, and 22 months of
 * history written through the books, then closes the oldest periods. Deterministic: the same seed
 * and scale give an identical store (own PRNG; no Date.now, no Math.random).
 *
 * Scale 1 is about 50,000 GLDETAIL lines, scale 20 about a million; fractional scales (0.02 gives
 * roughly a thousand lines) keep tests fast.
 */
import { closeBooksThrough } from './books.ts';
import { DEFAULT_START_MS } from './clock.ts';
import { buildHistory } from './generator/history.ts';
import { ENTITIES, buildMasterData } from './generator/master.ts';
import { Rng } from './generator/rng.ts';
import { DEFAULT_COMPANY_PROFILE, companyProfile } from './company.ts';
import { SandboxStore } from './store.ts';
import { glAccountBalanceRecords } from './truth.ts';

export interface GenerateOptions {
  readonly seed: number;
  readonly scale: number;
  /** The company/API user time zone; default America/Los_Angeles (not UTC, so zone bugs show). */
  readonly timezone?: string;
  readonly companyId?: string;
  /** The company profile (which dimensions and custom fields exist); default `standard`. */
  readonly company?: string;
}

export const DEFAULT_SANDBOX_TIMEZONE = 'America/Los_Angeles';

/** Books closed through these dates once history is written (each entity closes on its own). */
export const CLOSED_THROUGH: Readonly<Record<string, string>> = {
  US1: '2026-06-30',
  UK1: '2025-12-31',
  DE1: '2026-03-31',
};

export function generateCompany(options: GenerateOptions): SandboxStore {
  const scale = options.scale;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be > 0 (got ${scale})`);
  const seed = Math.floor(options.seed);
  const store = new SandboxStore({
    companyId: options.companyId ?? 'SANDBOX',
    companyName: 'Acme Corp (Sandbox)',
    timezone: options.timezone ?? DEFAULT_SANDBOX_TIMEZONE,
    entities: ENTITIES,
    topLevelCurrency: 'USD',
    clockStartMs: DEFAULT_START_MS,
    seed,
    scale,
    company: companyProfile(options.company ?? DEFAULT_COMPANY_PROFILE),
  });
  const rng = new Rng(seed, 'company');
  const master = buildMasterData(store, rng, scale);
  buildHistory(store, rng, scale, master);
  for (const [entity, date] of Object.entries(CLOSED_THROUGH)) closeBooksThrough(store, entity, date);
  store.registerVirtual('GLACCOUNTBALANCE', glAccountBalanceRecords);
  return store;
}
