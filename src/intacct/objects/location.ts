import { defineObject } from './descriptor.ts';
import { LOCATION_FIELDS } from './shared-fields.ts';

export const location = defineObject({
  object: 'LOCATION',
  table: 'location',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 0,
  refresh: 'full',
  entityScope: 'top',
  deletes: 'full-refresh',
  readMethod: 'query',
  large: false,
  fields: LOCATION_FIELDS,
});
