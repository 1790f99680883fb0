import { defineObject } from './descriptor.ts';
import { LOCATION_FIELDS } from './shared-fields.ts';

export const locationEntity = defineObject({
  object: 'LOCATIONENTITY',
  table: 'location_entity',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 0,
  refresh: 'full',
  entityScope: 'top',
  deletes: 'full-refresh',
  readMethod: 'query',
  large: false,
  fields: [
    ...LOCATION_FIELDS,
    { name: 'FEDERALID', type: 'string' },
    { name: 'FIRSTMONTH', type: 'integer' },
    { name: 'FIRSTMONTHTAX', type: 'integer' },
    { name: 'WEEKSTART', type: 'string' },
    { name: 'OPCOUNTRY', type: 'string' },
    { name: 'ADDRESSCOUNTRYDEFAULT', type: 'string' },
    { name: 'SIGNATURE', type: 'string' },
  ],
});
