/**
 * Identifiers that reach SQL. Every table and column name is lower_snake and validated here before
 * any SQL is built; custom Intacct field names come from the API and are untrusted input, so a name
 * that does not fit is refused, never escaped into shape.
 */
import { ClassifiedError } from '../core/errors.ts';

/** The same rule as the config's schema names: a-z, 0-9, _, not starting with a digit, at most 63. */
export const IDENTIFIER_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Intacct field names: letters, digits, underscores, starting with a letter; dots join the parts of
 * related-record fields (`DISPLAYCONTACT.PRINTAS`) and become underscores in the column name.
 */
const INTACCT_FIELD_PATTERN = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/;

/**
 * Well-known Intacct fields whose run-together names read badly lower-cased. Everything else is
 * lower-cased as is (`ACCOUNTNO` → `accountno`, `GLDIMFUND` → `gldimfund`).
 */
export const KNOWN_COLUMN_NAMES: Readonly<Record<string, string>> = {
  RECORDNO: 'record_no',
  WHENCREATED: 'when_created',
  WHENMODIFIED: 'when_modified',
  CREATEDBY: 'created_by',
  MODIFIEDBY: 'modified_by',
  MEGAENTITYID: 'mega_entity_id',
  MEGAENTITYKEY: 'mega_entity_key',
  MEGAENTITYNAME: 'mega_entity_name',
};

export function isIdentifier(name: string): boolean {
  return IDENTIFIER_PATTERN.test(name);
}

export function assertIdentifier(name: string, what = 'identifier'): string {
  if (!isIdentifier(name)) {
    throw new ClassifiedError(
      `invalid ${what} ${JSON.stringify(name)}: must be lower_snake (a-z, 0-9, _), at most 63`,
      {
        kind: 'terminal',
        level: 'local',
      },
    );
  }
  return name;
}

/** The warehouse column for an Intacct field name; refuses names that are not plain identifiers. */
export function columnNameFor(intacctName: string): string {
  const known = KNOWN_COLUMN_NAMES[intacctName.toUpperCase()];
  if (known !== undefined) return known;
  if (!INTACCT_FIELD_PATTERN.test(intacctName)) {
    throw new ClassifiedError(
      `Intacct field ${JSON.stringify(intacctName)} cannot become a column: only letters, digits, _ and . are accepted`,
      {
        kind: 'terminal',
        level: 'local',
        fix: 'Rename the custom field in Intacct, or leave it out of the sync',
      },
    );
  }
  return assertIdentifier(intacctName.toLowerCase().replace(/\./g, '_'), 'column name');
}

/** Quotes a validated identifier for a warehouse. */
export function quoteIdentifier(name: string, quote: '"' | '`'): string {
  assertIdentifier(name);
  return `${quote}${name}${quote}`;
}

/**
 * A load id as a table-name suffix: lower-cased, anything else than [a-z0-9] becomes `_`, and cut
 * to keep the whole name within 63 characters.
 */
export function loadSuffix(loadId: string, maxLength: number): string {
  const cleaned = loadId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (cleaned.length === 0) {
    throw new ClassifiedError(`load id ${JSON.stringify(loadId)} has no letters or digits`, {
      kind: 'terminal',
    });
  }
  return cleaned.slice(-maxLength);
}
