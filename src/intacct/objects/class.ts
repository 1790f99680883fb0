import { defineObject } from './descriptor.ts';

export const classDimension = defineObject({
  object: 'CLASS',
  table: 'class',
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
      ref: 'Intacct/intacct-sdk-js src/Functions/Company/ClassCreate.ts',
      fields: 'CLASSID NAME DESCRIPTION PARENTID STATUS',
    },
    {
      ref: 'intacct/intacct-sdk-php test/Intacct/Xml/Response/ResultTest.php (readByQuery of class: <class><RECORDNO>)',
      fields: 'RECORDNO',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'PARENTKEY PARENTNAME WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY ' +
    'MEGAENTITYID MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'CLASSID', type: 'string' },
    { name: 'NAME', type: 'string' },
    { name: 'DESCRIPTION', type: 'string' },
    { name: 'PARENTKEY', type: 'integer', optional: true },
    { name: 'PARENTID', type: 'string' },
    { name: 'PARENTNAME', type: 'string', optional: true },
    { name: 'STATUS', type: 'string' },
    { name: 'WHENCREATED', type: 'timestamp', optional: true },
    { name: 'WHENMODIFIED', type: 'timestamp', optional: true },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
