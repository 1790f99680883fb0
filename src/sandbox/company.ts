/**
 * What one company's objects look like. Real Intacct companies differ: a user-defined dimension
 * (FUND here) exists only where someone defined it, multi-entity fields only in multi-entity
 * companies, custom fields per company. The catalog is the superset the store keeps; a profile says
 * which of it this company has, and `lookup`, `readByQuery` and `query` answer for the profile alone.
 */
import { SANDBOX_OBJECTS, type SandboxFieldDef, type SandboxObjectDef } from './catalog.ts';

export interface CompanyProfile {
  readonly name: string;
  readonly description: string;
  /** Objects this company does not have (a user-defined dimension it never defined). */
  readonly absentObjects: readonly string[];
  /** Standard fields this company lacks: per object, or under '*' for every object. */
  readonly absentFields: Readonly<Record<string, readonly string[]>>;
  /** The catalog's custom fields this company defines, per object; the others do not exist here. */
  readonly customFields: Readonly<Record<string, readonly string[]>>;
}

/** Fields that belong to the FUND user-defined dimension wherever they appear. */
const FUND_FIELDS = ['GLDIMFUND', 'REQUIREGLDIMFUND', 'ENABLEGLDIMFUND'];

export const COMPANY_PROFILES = {
  standard: {
    name: 'standard',
    description: 'the full catalog: a FUND dimension and one custom field (CUSTOMER.SALESFORCE_ID)',
    absentObjects: [],
    absentFields: {},
    customFields: { CUSTOMER: ['SALESFORCE_ID'] },
  },
  'no-fund': {
    name: 'no-fund',
    description:
      'no FUND dimension, GL lines without the fields no public source confirms, two custom fields ' +
      '(CUSTOMER.SALESFORCE_ID, CUSTOMER.CUSTOMER_TIER)',
    absentObjects: ['FUND'],
    absentFields: {
      '*': FUND_FIELDS,
      GLDETAIL: ['ACCOUNTTYPE', 'NORMALBALANCE', 'EXCH_RATE_DATE', 'EXCHANGE_RATE', 'TASKID'],
    },
    customFields: { CUSTOMER: ['SALESFORCE_ID', 'CUSTOMER_TIER'] },
  },
} as const satisfies Record<string, CompanyProfile>;

export type CompanyProfileName = keyof typeof COMPANY_PROFILES;
export const COMPANY_PROFILE_NAMES = Object.keys(COMPANY_PROFILES) as CompanyProfileName[];
export const DEFAULT_COMPANY_PROFILE: CompanyProfileName = 'standard';

export function companyProfile(name: string): CompanyProfile {
  const profile = (COMPANY_PROFILES as Record<string, CompanyProfile>)[name];
  if (!profile) {
    throw new RangeError(`unknown sandbox company '${name}'; known: ${COMPANY_PROFILE_NAMES.join(', ')}`);
  }
  return profile;
}

/** A profile with more fields removed (tests change a company between runs, as an admin would). */
export function withoutFields(
  profile: CompanyProfile,
  object: string,
  fields: readonly string[],
): CompanyProfile {
  const current = profile.absentFields[object] ?? [];
  return {
    ...profile,
    name: `${profile.name}-without-${object}.${fields.join('.')}`,
    absentFields: { ...profile.absentFields, [object]: [...current, ...fields] },
  };
}

const views = new WeakMap<CompanyProfile, Map<string, SandboxObjectDef | null>>();

/** The object as this company has it, or undefined when the company does not have the object. */
export function companyObject(profile: CompanyProfile, name: string): SandboxObjectDef | undefined {
  let cache = views.get(profile);
  if (!cache) {
    cache = new Map();
    views.set(profile, cache);
  }
  const upper = name.toUpperCase();
  let view = cache.get(upper);
  if (view === undefined) {
    view = buildView(profile, upper);
    cache.set(upper, view);
  }
  return view ?? undefined;
}

function buildView(profile: CompanyProfile, name: string): SandboxObjectDef | null {
  const def = SANDBOX_OBJECTS.find((o) => o.name === name);
  if (!def || profile.absentObjects.includes(name)) return null;
  const absent = new Set([...(profile.absentFields['*'] ?? []), ...(profile.absentFields[name] ?? [])]);
  const custom = new Set(profile.customFields[name] ?? []);
  const keep = (f: SandboxFieldDef) => (f.custom ? custom.has(f.name) : !absent.has(f.name));
  if (def.fields.every(keep)) return def;
  return { ...def, fields: def.fields.filter(keep) };
}
