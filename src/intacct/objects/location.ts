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
  sources: [
    {
      ref: 'developer.intacct.com/api/company-console/locations/ (copy: russellkt/intacct-mcp-server docs/company-console-locations.md)',
      fields:
        'RECORDNO LOCATIONID NAME PARENTID SUPERVISORID STATUS STARTDATE ENDDATE ' +
        'CONTACTINFO.CONTACTNAME',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/Company/LocationCreate.ts',
      fields: 'LOCATIONID NAME PARENTID SUPERVISORID STATUS STARTDATE ENDDATE CONTACTINFO.CONTACTNAME',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'PARENTKEY PARENTNAME SUPERVISORNAME CURRENCY ENTITY CONTACTINFO.MAILADDRESS.COUNTRY ' +
    'WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
  fields: LOCATION_FIELDS,
});
