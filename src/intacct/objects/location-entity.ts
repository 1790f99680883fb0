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
  sources: [
    {
      ref: 'developer.intacct.com/api/company-console/entities/ (copy: russellkt/intacct-mcp-server docs/company-console-entities.md)',
      fields: 'RECORDNO LOCATIONID NAME STATUS',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/Company/LocationCreate.ts',
      fields: 'LOCATIONID NAME PARENTID SUPERVISORID STATUS STARTDATE ENDDATE CONTACTINFO.CONTACTNAME',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'PARENTKEY PARENTNAME SUPERVISORNAME CURRENCY ENTITY CONTACTINFO.MAILADDRESS.COUNTRY ' +
    'WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME ' +
    'FEDERALID FIRSTMONTH FIRSTMONTHTAX WEEKSTART OPCOUNTRY ADDRESSCOUNTRYDEFAULT SIGNATURE',
  fields: [
    ...LOCATION_FIELDS,
    { name: 'FEDERALID', type: 'string', optional: true },
    { name: 'FIRSTMONTH', type: 'integer', optional: true },
    { name: 'FIRSTMONTHTAX', type: 'integer', optional: true },
    { name: 'WEEKSTART', type: 'string', optional: true },
    { name: 'OPCOUNTRY', type: 'string', optional: true },
    { name: 'ADDRESSCOUNTRYDEFAULT', type: 'string', optional: true },
    { name: 'SIGNATURE', type: 'string', optional: true },
  ],
});
