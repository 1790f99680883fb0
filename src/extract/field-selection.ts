/**
 * Which fields a run selects. Intacct refuses a whole query that names one field the company's
 * object does not have, so the descriptor is a hypothesis and the company's own definition
 * (`lookup`, cached in the warehouse) decides: select the descriptor's fields the company has, plus
 * its custom fields; the others stay NULL columns and are reported, never a failed object.
 */
import type { Logger } from '../core/logger.ts';
import {
  type FieldDescriptor,
  type FieldType,
  type ObjectDescriptor,
  optionalFields,
} from '../intacct/objects/descriptor.ts';
import type { ObjectDefinitionRow, Warehouse } from '../warehouse/warehouse.ts';

export type DefinitionField = ObjectDefinitionRow['fields'][number];

/** What a run needs to read a definition from the company. */
export interface DefinitionSource {
  lookup(object: string, entity?: string | null): Promise<{ readonly fields: readonly DefinitionField[] }>;
}

const LOOKUP_TYPES: Readonly<Record<string, FieldType>> = {
  text: 'string',
  string: 'string',
  integer: 'integer',
  number: 'decimal',
  decimal: 'decimal',
  currency: 'decimal',
  percent: 'decimal',
  date: 'date',
  timestamp: 'timestamp',
  datetime: 'timestamp',
  boolean: 'boolean',
};

/** Custom fields the object definition reports that the descriptor does not list. */
export function customFields(
  descriptor: ObjectDescriptor,
  definition: { readonly fields: readonly DefinitionField[] },
): FieldDescriptor[] {
  const known = new Set(descriptor.fields.map((f) => f.name));
  return definition.fields
    .filter((f) => f.isCustom && !known.has(f.name.toUpperCase()))
    .map((f) => ({ name: f.name.toUpperCase(), type: LOOKUP_TYPES[f.dataType.toLowerCase()] ?? 'string' }));
}

/** One object's reading plan for this run. */
export interface FieldPlan {
  /** The descriptor to read with: watermark or creation field dropped when the company lacks them. */
  readonly object: ObjectDescriptor;
  /** Intacct field names to select: descriptor fields the company has, then custom fields. */
  readonly select: readonly string[];
  readonly custom: readonly FieldDescriptor[];
  /** Descriptor fields the company lacks: NULL columns this run. */
  readonly missing: readonly string[];
  /** Of `missing`, those the descriptor expected (neither optional nor unconfirmed). */
  readonly unexpected: readonly string[];
}

export function planFields(
  descriptor: ObjectDescriptor,
  definition: { readonly fields: readonly DefinitionField[] },
): FieldPlan {
  const has = new Set(definition.fields.map((f) => f.name.toUpperCase()));
  const optional = optionalFields(descriptor);
  const missing = descriptor.fields.map((f) => f.name).filter((n) => !has.has(n));
  const custom = customFields(descriptor, definition);
  const lacks = (field: string | null) => field !== null && !has.has(field);
  // Without its watermark the object is read whole each run; without its creation field, by watermark only.
  const object =
    lacks(descriptor.watermark) || lacks(descriptor.created)
      ? {
          ...descriptor,
          watermark: lacks(descriptor.watermark) ? null : descriptor.watermark,
          created: lacks(descriptor.created) || lacks(descriptor.watermark) ? null : descriptor.created,
        }
      : descriptor;
  return {
    object,
    select: [...descriptor.fields.map((f) => f.name).filter((n) => has.has(n)), ...custom.map((f) => f.name)],
    custom,
    missing,
    unexpected: missing.filter((n) => !optional.has(n)),
  };
}

/**
 * The company's definition of an object: from the warehouse cache while it is younger than
 * `maxAgeMs`, else (or when `refresh`) from `lookup`, then cached.
 */
export async function companyDefinition(options: {
  readonly object: string;
  readonly client: DefinitionSource;
  readonly warehouse: Warehouse;
  readonly maxAgeMs: number;
  readonly now: Date;
  readonly refresh?: boolean;
  readonly logger?: Logger;
}): Promise<ObjectDefinitionRow> {
  const { object, warehouse, now } = options;
  if (!options.refresh) {
    const cached = await warehouse.getObjectDefinition(object);
    if (cached && now.getTime() - Date.parse(cached.fetchedAt) < options.maxAgeMs) return cached;
  }
  const looked = await options.client.lookup(object, null);
  const row: ObjectDefinitionRow = {
    object,
    fields: looked.fields.map((f) => ({ name: f.name, dataType: f.dataType, isCustom: f.isCustom })),
    fetchedAt: now.toISOString(),
  };
  await warehouse.putObjectDefinition(row);
  options.logger?.debug('object definition read from the company', { object, fields: row.fields.length });
  return row;
}

/**
 * The fields Intacct's error names among those requested. Intacct lists the refused names in the
 * error text (HotGlue's tap parses them out of description2); matching against what was asked for
 * keeps other words of the message out.
 */
export function refusedFields(message: string, requested: readonly string[]): string[] {
  if (!/field/i.test(message)) return [];
  const text = message.replace(/\[Support ID[^\]]*\]/gi, ' ');
  const tokens = new Set(
    (text.match(/[A-Za-z][A-Za-z0-9_.]*/g) ?? []).map((t) => t.replace(/\.+$/, '').toUpperCase()),
  );
  return requested.filter((f) => tokens.has(f.toUpperCase()));
}
