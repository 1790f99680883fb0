/**
 * The sandbox's object definitions: what `lookup`/`inspect` describe, what readByQuery/query may select,
 * and which fields the books and the generator fill. Field names are Intacct's own (upper case).
 *
 * Values in the store are canonical strings (see store.ts); the protocol layer formats them per type.
 */

export const SANDBOX_FIELD_TYPES = ['text', 'integer', 'decimal', 'date', 'timestamp', 'boolean'] as const;
export type SandboxFieldType = (typeof SANDBOX_FIELD_TYPES)[number];

export const SANDBOX_WRITE_OPS = ['create', 'update', 'delete'] as const;
export type SandboxWriteOp = (typeof SANDBOX_WRITE_OPS)[number];

export interface SandboxFieldDef {
  readonly name: string;
  readonly type: SandboxFieldType;
  readonly label: string;
  /** Required on create (only meaningful for writable objects). */
  readonly required: boolean;
  /** Set by the system (RECORDNO, audit stamps, totals); ignored or refused on write. */
  readonly readonly: boolean;
  /** A customer-defined field: `lookup` reports it as custom and the job discovers it at plan time. */
  readonly custom: boolean;
  readonly maxLength?: number;
}

export interface SandboxObjectDef {
  /** Intacct object name, upper case (`GLDETAIL`). */
  readonly name: string;
  readonly fields: readonly SandboxFieldDef[];
  /** The record key. `RECORDNO` everywhere except AUDITHISTORY, whose key is `ID`. */
  readonly key: 'RECORDNO' | 'ID';
  /** The business id (`ACCOUNTNO`, `CUSTOMERID`), returned with RECORDNO by create/update; unique company-wide. */
  readonly idField?: string;
  /**
   * The field `readByName` matches when it is not the id field: the docs' "Get … by ID" pages key
   * readByName by the ID (ACCOUNTNO, CUSTOMERID, ITEMID; NAME where the id is the name; a platform
   * object's `name`).
   */
  readonly nameField?: string;
  /**
   * true: transactions owned by one entity (an entity session sees only its own; the top level sees
   * top-level records, and all with showprivate). false: lists shared from the top level (records with a
   * null MEGAENTITYID are visible in every entity; entity-private ones only in their entity).
   */
  readonly entityScoped: boolean;
  readonly writable: readonly SandboxWriteOp[];
  /** AUDITHISTORY OBJECTTYPE for this object (lower case). */
  readonly auditType: string;
  /** The field that changes on every edit (`WHENMODIFIED`; `ACCESSTIME` for AUDITHISTORY). */
  readonly modifiedField: string | null;
  /** The creation-time field (timestamp). AR/AP documents keep theirs in AUWHENCREATED, as Intacct does. */
  readonly createdField: string | null;
  /** readByQuery/query must filter on this field with `=` (GLACCOUNTBALANCE needs PERIOD). */
  readonly requiredFilter?: string;
  /** Computed on read from other objects; never stored (GLACCOUNTBALANCE). */
  readonly virtual?: boolean;
}

// ---- field-definition shorthand -------------------------------------------------------------------

interface FieldOpts {
  readonly required?: boolean;
  readonly readonly?: boolean;
  readonly custom?: boolean;
  readonly maxLength?: number;
  readonly label?: string;
}

const LABELS: Readonly<Record<string, string>> = {
  RECORDNO: 'Record number',
  WHENCREATED: 'When created',
  WHENMODIFIED: 'When modified',
  AUWHENCREATED: 'Audit when created',
  CREATEDBY: 'Created by',
  MODIFIEDBY: 'Modified by',
  MEGAENTITYKEY: 'Created at - Entity key',
  MEGAENTITYID: 'Created at - Entity ID',
  MEGAENTITYNAME: 'Created at - Entity name',
  STATUS: 'Status',
  TITLE: 'Title',
  NAME: 'Name',
  DESCRIPTION: 'Description',
  CURRENCY: 'Currency',
  BASECURR: 'Base currency',
  EXCHANGE_RATE: 'Exchange rate',
  EXCH_RATE_DATE: 'Exchange rate date',
  AMOUNT: 'Amount',
  TRX_AMOUNT: 'Transaction amount',
};

function labelOf(name: string): string {
  const known = LABELS[name];
  if (known) return known;
  const words = name.replace(/\./g, ' ').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function field(name: string, type: SandboxFieldType, opts: FieldOpts = {}): SandboxFieldDef {
  const def: SandboxFieldDef = {
    name,
    type,
    label: opts.label ?? labelOf(name),
    required: opts.required ?? false,
    readonly: opts.readonly ?? false,
    custom: opts.custom ?? false,
    ...(opts.maxLength === undefined ? {} : { maxLength: opts.maxLength }),
  };
  return def;
}

const text = (name: string, opts: FieldOpts = {}) => field(name, 'text', { maxLength: 80, ...opts });
const int = (name: string, opts: FieldOpts = {}) => field(name, 'integer', opts);
const dec = (name: string, opts: FieldOpts = {}) => field(name, 'decimal', opts);
const date = (name: string, opts: FieldOpts = {}) => field(name, 'date', opts);
const ts = (name: string, opts: FieldOpts = {}) => field(name, 'timestamp', opts);
const bool = (name: string, opts: FieldOpts = {}) => field(name, 'boolean', opts);
const ro: FieldOpts = { readonly: true };
const req: FieldOpts = { required: true };

const recordNo = int('RECORDNO', ro);
/** Audit stamps on lists and lines: WHENCREATED is the creation timestamp. */
const audit = [
  ts('WHENCREATED', ro),
  ts('WHENMODIFIED', ro),
  int('CREATEDBY', ro),
  int('MODIFIEDBY', ro),
] as const;
/** Audit stamps on AR/AP/PO documents: WHENCREATED is the document date, the timestamp is AUWHENCREATED. */
const docAudit = [
  ts('AUWHENCREATED', ro),
  ts('WHENMODIFIED', ro),
  int('CREATEDBY', ro),
  int('MODIFIEDBY', ro),
] as const;
const mega = [int('MEGAENTITYKEY', ro), text('MEGAENTITYID', ro), text('MEGAENTITYNAME', ro)] as const;
const currencyFields = [
  text('CURRENCY'),
  text('BASECURR', ro),
  date('EXCH_RATE_DATE'),
  text('EXCH_RATE_TYPE_ID'),
  dec('EXCHANGE_RATE'),
] as const;
/** Dimension ids on subledger lines (AR/AP items use the `…ID` names). */
const lineDimensions = [
  text('DEPARTMENTID'),
  text('DEPARTMENTNAME', ro),
  text('LOCATIONID'),
  text('LOCATIONNAME', ro),
  text('PROJECTID'),
  text('TASKID'),
  text('CUSTOMERID'),
  text('VENDORID'),
  text('EMPLOYEEID'),
  text('ITEMID'),
  text('CLASSID'),
  text('GLDIMFUND', { label: 'Fund' }),
] as const;

interface ObjectOpts {
  readonly idField?: string;
  readonly nameField?: string;
  readonly entityScoped: boolean;
  readonly writable?: readonly SandboxWriteOp[];
  readonly auditType?: string;
  readonly key?: 'RECORDNO' | 'ID';
  readonly modifiedField?: string | null;
  readonly createdField?: string | null;
  readonly requiredFilter?: string;
  readonly virtual?: boolean;
}

function object(name: string, opts: ObjectOpts, fields: readonly SandboxFieldDef[]): SandboxObjectDef {
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.name)) throw new Error(`catalog: duplicate field ${name}.${f.name}`);
    seen.add(f.name);
  }
  const hasAu = seen.has('AUWHENCREATED');
  return {
    name,
    fields,
    key: opts.key ?? 'RECORDNO',
    ...(opts.idField === undefined ? {} : { idField: opts.idField }),
    ...(opts.nameField === undefined ? {} : { nameField: opts.nameField }),
    entityScoped: opts.entityScoped,
    writable: opts.writable ?? [],
    auditType: opts.auditType ?? name.toLowerCase(),
    modifiedField: opts.modifiedField === undefined ? 'WHENMODIFIED' : opts.modifiedField,
    createdField:
      opts.createdField === undefined ? (hasAu ? 'AUWHENCREATED' : 'WHENCREATED') : opts.createdField,
    ...(opts.requiredFilter === undefined ? {} : { requiredFilter: opts.requiredFilter }),
    ...(opts.virtual === undefined ? {} : { virtual: opts.virtual }),
  };
}

// ---- the objects -----------------------------------------------------------------------------------

const GLACCOUNT = object('GLACCOUNT', { idField: 'ACCOUNTNO', entityScoped: false }, [
  recordNo,
  text('ACCOUNTNO', { required: true, maxLength: 24 }),
  text('TITLE', req),
  text('ACCOUNTTYPE', { label: 'Account type' }), // balancesheet | incomestatement
  text('NORMALBALANCE'), // debit | credit
  text('CLOSINGTYPE'), // non-closing account | closing account
  text('CLOSINGACCOUNTNO'),
  text('CLOSINGACCOUNTTITLE', ro),
  text('CATEGORY'),
  text('ALTERNATIVEACCOUNT'),
  text('STATUS'), // active | inactive
  bool('REQUIREDEPT'),
  bool('REQUIRELOC'),
  bool('REQUIREPROJECT'),
  bool('REQUIRECUSTOMER'),
  bool('REQUIREVENDOR'),
  bool('REQUIREEMPLOYEE'),
  bool('REQUIREITEM'),
  bool('REQUIRECLASS'),
  bool('REQUIREGLDIMFUND'),
  bool('TAXABLE'),
  bool('SUBLEDGERCONTROLON'),
  bool('ENABLEGLDIMFUND'),
  ...audit,
  ...mega,
]);

const GLBATCH = object('GLBATCH', { entityScoped: true, writable: ['create', 'update', 'delete'] }, [
  recordNo,
  int('BATCHNO', ro),
  text('JOURNAL', req),
  date('BATCH_DATE', req),
  text('BATCH_TITLE', { required: true, maxLength: 250 }),
  dec('BALANCE', ro),
  text('MODULE', ro),
  text('REFERENCENO'),
  date('REVERSEDATE'),
  int('REVERSEDKEY', ro),
  date('REVERSED', ro),
  int('REVERSEDFROM', ro),
  text('HISTORY_COMMENT'),
  int('PRBATCHKEY', ro),
  text('BASELOCATION', ro),
  int('BASELOCATION_NO'),
  text('STATE'), // Posted | Draft | Reversed
  text('TAXIMPLICATIONS'),
  text('SUPDOCID'),
  bool('ADJ', ro),
  bool('STATISTICAL', ro),
  text('TRANSACTIONSOURCE'),
  text('USERINFO.LOGINID', ro),
  ...audit,
  ...mega,
]);

const GLENTRY = object('GLENTRY', { entityScoped: true }, [
  recordNo,
  int('BATCHNO', ro),
  int('LINE_NO', ro),
  int('TR_TYPE', req),
  date('ENTRY_DATE', ro),
  text('DOCUMENT'),
  text('ACCOUNTNO', req),
  int('ACCOUNTKEY', ro),
  text('ACCOUNTTITLE', ro),
  dec('AMOUNT', ro),
  dec('TRX_AMOUNT', req),
  ...currencyFields,
  text('DESCRIPTION', { maxLength: 1000 }),
  text('DEPARTMENT', { label: 'Department' }),
  text('LOCATION', { label: 'Location' }),
  text('PROJECTID'),
  text('TASKID'),
  text('CUSTOMERID'),
  text('VENDORID'),
  text('EMPLOYEEID'),
  text('ITEMID'),
  text('CLASSID'),
  text('GLDIMFUND', { label: 'Fund' }),
  bool('BILLABLE'),
  text('STATE', ro),
  ...audit,
  ...mega,
]);

const GLDETAIL = object('GLDETAIL', { entityScoped: true, createdField: null }, [
  recordNo,
  int('BATCHKEY', ro),
  int('BATCH_NO', ro),
  date('BATCH_DATE', ro),
  text('BATCH_TITLE', ro),
  text('BATCH_STATE', ro),
  text('SYMBOL', ro),
  text('BOOKID', ro),
  text('MODULEKEY', ro),
  text('RECORDTYPE', ro),
  text('RECORDID', ro),
  text('DOCNUMBER', ro),
  text('REFERENCENO', ro),
  int('LINE_NO', ro),
  date('ENTRY_DATE', ro),
  int('TR_TYPE', ro),
  text('DOCUMENT', ro),
  text('DESCRIPTION', ro),
  text('ENTRYDESCRIPTION', ro),
  text('ACCOUNTNO', ro),
  text('ACCOUNTTITLE', ro),
  text('ACCOUNTTYPE', ro),
  text('NORMALBALANCE', ro),
  dec('AMOUNT', ro),
  dec('DEBITAMOUNT', ro),
  dec('CREDITAMOUNT', ro),
  dec('TRX_AMOUNT', ro),
  dec('TRX_DEBITAMOUNT', ro),
  dec('TRX_CREDITAMOUNT', ro),
  text('CURRENCY', ro),
  text('BASECURR', ro),
  date('EXCH_RATE_DATE', ro),
  dec('EXCHANGE_RATE', ro),
  text('DEPARTMENTID', ro),
  text('DEPARTMENTTITLE', ro),
  text('LOCATIONID', ro),
  text('LOCATIONNAME', ro),
  text('PROJECTID', ro),
  text('PROJECTNAME', ro),
  text('TASKID', ro),
  text('CLASSID', ro),
  text('CLASSNAME', ro),
  text('CUSTOMERID', ro),
  text('CUSTOMERNAME', ro),
  text('VENDORID', ro),
  text('VENDORNAME', ro),
  text('EMPLOYEEID', ro),
  text('EMPLOYEENAME', ro),
  text('ITEMID', ro),
  text('ITEMNAME', ro),
  text('GLDIMFUND', { readonly: true, label: 'Fund' }),
  bool('STATISTICAL', ro),
  bool('ADJ', ro),
  text('STATE', ro), // the source document's state
  text('ENTRY_STATE', ro),
  date('WHENCREATED', ro), // a date on GL lines, unlike most objects
  ts('WHENMODIFIED', ro),
  int('CREATEDBY', ro),
  int('MODIFIEDBY', ro),
  ...mega,
]);

const GLACCOUNTBALANCE = object(
  'GLACCOUNTBALANCE',
  { entityScoped: true, requiredFilter: 'PERIOD', virtual: true, createdField: 'WHENCREATED' },
  [
    recordNo,
    text('PERIOD', ro),
    date('PSTARTDATE', ro),
    date('PENDDATE', ro),
    text('BOOKID', ro),
    text('CURRENCY', ro),
    int('ACCOUNTREC', ro),
    text('ACCOUNTNO', ro),
    text('ACCOUNTTITLE', ro),
    dec('OPENBAL', ro),
    dec('TOTDEBIT', ro),
    dec('TOTCREDIT', ro),
    dec('TOTADJDEBIT', ro),
    dec('TOTADJCREDIT', ro),
    dec('FORBAL', ro),
    dec('ENDBAL', ro),
    text('DEPARTMENTID', ro),
    text('LOCATIONID', ro),
    text('GLDIMFUND', { readonly: true, label: 'Fund' }),
    ...audit,
    ...mega,
  ],
);

const GLBUDGETHEADER = object('GLBUDGETHEADER', { idField: 'BUDGETID', entityScoped: true }, [
  recordNo,
  text('BUDGETID', req),
  text('DESCRIPTION'),
  bool('SYSTEMGENERATED', ro),
  bool('DEFAULT_BUDGET'),
  text('STATUS'),
  bool('ISCONSOLIDATED'),
  text('CURRENCY'),
  ...audit,
  ...mega,
]);

const GLBUDGETITEM = object('GLBUDGETITEM', { entityScoped: true }, [
  recordNo,
  int('BUDGETKEY'),
  text('BUDGETID'),
  int('ACCOUNTKEY', ro),
  text('ACCT_NO'),
  text('ACCTTITLE', ro),
  text('DEPT_NO'),
  text('DEPT_TITLE', ro),
  text('LOCATION_NO'),
  text('LOCATION_NAME', ro),
  int('PERIODKEY'),
  text('PERIODNAME'),
  date('PSTARTDATE', ro),
  date('PENDDATE', ro),
  dec('AMOUNT'),
  text('BASEDON'),
  dec('GROWBY'),
  text('PERPERIOD'),
  text('NOTE'),
  text('CURRENCY'),
  ...audit,
  ...mega,
]);

const REPORTINGPERIOD = object('REPORTINGPERIOD', { idField: 'NAME', entityScoped: false }, [
  recordNo,
  text('NAME', req),
  text('HEADER1'),
  text('HEADER2'),
  date('START_DATE', req),
  date('END_DATE', req),
  bool('BUDGETING'),
  text('DATETYPE'),
  text('STATUS'),
  ...audit,
  ...mega,
]);

const DEPARTMENT = object('DEPARTMENT', { idField: 'DEPARTMENTID', entityScoped: false }, [
  recordNo,
  text('DEPARTMENTID', { required: true, maxLength: 20 }),
  text('TITLE', req),
  int('PARENTKEY', ro),
  text('PARENTID'),
  text('PARENTNAME', ro),
  int('SUPERVISORKEY', ro),
  text('SUPERVISORID'),
  text('SUPERVISORNAME', ro),
  text('STATUS'),
  text('CUSTTITLE'),
  ...audit,
  ...mega,
]);

const locationFields = [
  recordNo,
  text('LOCATIONID', { required: true, maxLength: 20 }),
  text('NAME', req),
  int('PARENTKEY', ro),
  text('PARENTID'),
  text('PARENTNAME', ro),
  text('SUPERVISORID'),
  text('SUPERVISORNAME', ro),
  text('STATUS'),
  text('CURRENCY'),
  date('STARTDATE'),
  date('ENDDATE'),
  text('ENTITY', ro),
  text('CONTACTINFO.CONTACTNAME'),
  text('CONTACTINFO.MAILADDRESS.COUNTRY'),
] as const;

const LOCATION = object('LOCATION', { idField: 'LOCATIONID', entityScoped: false }, [
  ...locationFields,
  ...audit,
  ...mega,
]);

const LOCATIONENTITY = object('LOCATIONENTITY', { idField: 'LOCATIONID', entityScoped: false }, [
  ...locationFields,
  text('FEDERALID'),
  int('FIRSTMONTH'),
  int('FIRSTMONTHTAX'),
  text('WEEKSTART'),
  text('OPCOUNTRY'),
  text('ADDRESSCOUNTRYDEFAULT'),
  text('SIGNATURE'),
  ...audit,
  ...mega,
]);

const PROJECT = object('PROJECT', { idField: 'PROJECTID', entityScoped: false }, [
  recordNo,
  text('PROJECTID', { required: true, maxLength: 20 }),
  text('NAME', req),
  text('DESCRIPTION'),
  int('PARENTKEY', ro),
  text('PARENTID'),
  text('PROJECTCATEGORY'),
  text('PROJECTTYPE'),
  text('PROJECTSTATUS'),
  text('CUSTOMERID'),
  text('CUSTOMERNAME', ro),
  text('MANAGERID'),
  text('PROJECTMANAGERNAME', ro),
  date('BEGINDATE'),
  date('ENDDATE'),
  dec('BUDGETAMOUNT'),
  dec('CONTRACTAMOUNT'),
  dec('BUDGETQTY'),
  text('CURRENCY'),
  text('DEPARTMENTID'),
  text('LOCATIONID'),
  text('CLASSID'),
  text('BILLINGTYPE'),
  text('STATUS'),
  ...audit,
  ...mega,
]);

const TASK = object('TASK', { idField: 'TASKID', entityScoped: false }, [
  recordNo,
  text('TASKID', req),
  text('NAME', req),
  text('DESCRIPTION'),
  int('PROJECTKEY', ro),
  text('PROJECTID', req),
  text('PROJECTNAME', ro),
  date('PBEGINDATE'),
  date('PENDDATE'),
  dec('BUDGETQTY'),
  dec('ESTQTY'),
  dec('ACTUALQTY', ro),
  bool('BILLABLE'),
  dec('PERCENTCOMPLETE'),
  text('TASKSTATUS'),
  text('STATUS'),
  ...audit,
  ...mega,
]);

const CLASS = object('CLASS', { idField: 'CLASSID', entityScoped: false }, [
  recordNo,
  text('CLASSID', req),
  text('NAME', req),
  text('DESCRIPTION'),
  int('PARENTKEY', ro),
  text('PARENTID'),
  text('PARENTNAME', ro),
  text('STATUS'),
  ...audit,
  ...mega,
]);

/** The user-defined dimension (integration name FUND; GL lines carry it as GLDIMFUND). */
const FUND = object('FUND', { idField: 'FUNDID', nameField: 'NAME', entityScoped: false }, [
  recordNo,
  text('FUNDID', req),
  text('NAME', req),
  text('DESCRIPTION'),
  text('FUNDTYPE'),
  text('STATUS'),
  ...audit,
  ...mega,
]);

const CUSTOMER = object(
  'CUSTOMER',
  { idField: 'CUSTOMERID', entityScoped: false, writable: ['create', 'update', 'delete'] },
  [
    recordNo,
    text('CUSTOMERID', { required: true, maxLength: 21 }),
    text('NAME', { required: true, maxLength: 100 }),
    text('PARENTID'),
    text('PARENTNAME', ro),
    text('TERMNAME'),
    text('CUSTTYPE'),
    text('CUSTREPID'),
    text('TERRITORYID'),
    dec('CREDITLIMIT'),
    dec('TOTALDUE', ro),
    bool('ONHOLD'),
    bool('ONETIME'),
    text('STATUS'),
    text('CURRENCY'),
    text('DISPLAYCONTACT.PRINTAS'),
    text('DISPLAYCONTACT.EMAIL1'),
    text('DISPLAYCONTACT.PHONE1'),
    text('DISPLAYCONTACT.MAILADDRESS.CITY'),
    text('DISPLAYCONTACT.MAILADDRESS.STATE'),
    text('DISPLAYCONTACT.MAILADDRESS.COUNTRY'),
    text('ARACCOUNT'),
    text('ARACCOUNTTITLE', ro),
    text('DELIVERY_OPTIONS'),
    date('LAST_INVOICEDATE', ro),
    text('SALESFORCE_ID', { custom: true, maxLength: 18, label: 'Salesforce ID' }),
    text('CUSTOMER_TIER', { custom: true, maxLength: 20, label: 'Customer tier' }),
    ...audit,
    ...mega,
  ],
);

const VENDOR = object(
  'VENDOR',
  { idField: 'VENDORID', entityScoped: false, writable: ['create', 'update', 'delete'] },
  [
    recordNo,
    text('VENDORID', { required: true, maxLength: 21 }),
    text('NAME', { required: true, maxLength: 100 }),
    text('PARENTID'),
    text('TERMNAME'),
    text('VENDTYPE'),
    text('TAXID'),
    dec('CREDITLIMIT'),
    dec('TOTALDUE', ro),
    bool('ONHOLD'),
    text('STATUS'),
    text('CURRENCY'),
    text('PAYMENTPRIORITY'),
    text('FORM1099TYPE'),
    text('FORM1099BOX'),
    text('DISPLAYCONTACT.PRINTAS'),
    text('DISPLAYCONTACT.EMAIL1'),
    text('DISPLAYCONTACT.MAILADDRESS.COUNTRY'),
    text('APACCOUNT'),
    text('APACCOUNTTITLE', ro),
    ...audit,
    ...mega,
  ],
);

const EMPLOYEE = object('EMPLOYEE', { idField: 'EMPLOYEEID', entityScoped: false }, [
  recordNo,
  text('EMPLOYEEID', req),
  text('CONTACT_NAME', req),
  text('TITLE'),
  text('DEPARTMENTID'),
  text('LOCATIONID'),
  text('CLASSID'),
  text('SUPERVISORID'),
  date('STARTDATE'),
  date('ENDDATE'),
  text('EMPLOYEETYPE'),
  text('STATUS'),
  text('CURRENCY'),
  dec('BILLINGRATE'),
  ...audit,
  ...mega,
]);

const ITEM = object('ITEM', { idField: 'ITEMID', entityScoped: false }, [
  recordNo,
  text('ITEMID', req),
  text('NAME', req),
  text('PRODUCTLINEID'),
  text('ITEMTYPE'),
  text('STATUS'),
  text('EXTENDED_DESCRIPTION'),
  text('UOMGRP'),
  text('COST_METHOD'),
  dec('BASEPRICE'),
  dec('STANDARD_COST'),
  text('GLGROUP'),
  text('INCOMEACCOUNTNO'),
  text('EXPENSEACCOUNTNO'),
  bool('TAXABLE'),
  ...audit,
  ...mega,
]);

function documentHeader(partyId: 'CUSTOMERID' | 'VENDORID', partyName: string): SandboxFieldDef[] {
  return [
    recordNo,
    text('RECORDTYPE', ro),
    text('RECORDID'),
    text('DOCNUMBER'),
    int('PRBATCHKEY', ro),
    text(partyId, req),
    text(partyName, ro),
    text('TERMNAME'),
    date('WHENCREATED', req),
    date('WHENPOSTED', ro),
    date('WHENDUE'),
    date('WHENPAID', ro),
    text('DESCRIPTION'),
    ...currencyFields,
    dec('TOTALENTERED', ro),
    dec('TOTALPAID', ro),
    dec('TOTALDUE', ro),
    dec('TRX_TOTALENTERED', ro),
    dec('TRX_TOTALPAID', ro),
    dec('TRX_TOTALDUE', ro),
    text('STATE', ro), // Posted | Partially Paid | Paid
    text('RAWSTATE', ro),
    text('MODULEKEY', ro),
    text('GLBATCHKEY', ro),
  ];
}

function documentLine(): SandboxFieldDef[] {
  return [
    recordNo,
    int('RECORDKEY', ro),
    text('RECORDTYPE', ro),
    int('LINE_NO', ro),
    int('ACCOUNTKEY', ro),
    text('ACCOUNTNO', req),
    text('ACCOUNTTITLE', ro),
    text('OFFSETGLACCOUNTNO', ro),
    text('OFFSETGLACCOUNTTITLE', ro),
    dec('AMOUNT', ro),
    dec('TRX_AMOUNT', req),
    dec('TOTALPAID', ro),
    dec('TRX_TOTALPAID', ro),
    text('ENTRYDESCRIPTION'),
    date('ENTRY_DATE', ro),
    ...lineDimensions,
    text('CURRENCY', ro),
    text('BASECURR', ro),
    dec('EXCHANGE_RATE', ro),
    ...audit,
    ...mega,
  ];
}

const ARINVOICE = object('ARINVOICE', { entityScoped: true, writable: ['create', 'update', 'delete'] }, [
  ...documentHeader('CUSTOMERID', 'CUSTOMERNAME'),
  ...docAudit,
  ...mega,
]);
const ARINVOICEITEM = object('ARINVOICEITEM', { entityScoped: true }, documentLine());
const APBILL = object('APBILL', { entityScoped: true, writable: ['create', 'update', 'delete'] }, [
  ...documentHeader('VENDORID', 'VENDORNAME'),
  bool('ONHOLD'),
  text('PAYMENTPRIORITY'),
  ...docAudit,
  ...mega,
]);
const APBILLITEM = object('APBILLITEM', { entityScoped: true }, documentLine());

function paymentHeader(partyId: 'CUSTOMERID' | 'VENDORID', partyName: string): SandboxFieldDef[] {
  return [
    recordNo,
    text('RECORDTYPE', ro),
    text('RECORDID'),
    text('DOCNUMBER'),
    int('PRBATCHKEY', ro),
    text(partyId, req),
    text(partyName, ro),
    text('FINANCIALENTITY'),
    text('PAYMENTMETHOD', req),
    date('WHENCREATED', ro),
    date('RECEIPTDATE', req),
    date('PAYMENTDATE'),
    date('WHENPAID', ro),
    text('DESCRIPTION'),
    ...currencyFields,
    dec('TOTALENTERED', ro),
    dec('TOTALPAID', ro),
    dec('TRX_TOTALENTERED', ro),
    dec('TRX_TOTALPAID', ro),
    text('STATE', ro),
    text('RAWSTATE', ro),
    text('MODULEKEY', ro),
    text('GLBATCHKEY', ro),
    ...docAudit,
    ...mega,
  ];
}

function paymentDetail(): SandboxFieldDef[] {
  return [
    recordNo,
    int('PAYMENTKEY', ro),
    date('PAYMENTDATE', ro),
    int('RECORDKEY', req),
    int('ENTRYKEY'),
    dec('PAYMENTAMOUNT', ro),
    dec('TRX_PAYMENTAMOUNT', req),
    text('CURRENCY', ro),
    text('BASECURR', ro),
    ...audit,
    ...mega,
  ];
}

const ARPYMT = object(
  'ARPYMT',
  { entityScoped: true, writable: ['create', 'update', 'delete'] },
  paymentHeader('CUSTOMERID', 'CUSTOMERNAME'),
);
const ARPYMTDETAIL = object('ARPYMTDETAIL', { entityScoped: true }, paymentDetail());
const APPYMT = object('APPYMT', { entityScoped: true }, paymentHeader('VENDORID', 'VENDORNAME'));
const APPYMTDETAIL = object('APPYMTDETAIL', { entityScoped: true }, paymentDetail());

const PODOCUMENT = object('PODOCUMENT', { idField: 'DOCID', entityScoped: true }, [
  recordNo,
  text('DOCNO'),
  text('DOCID'),
  text('DOCPARID'),
  text('STATE'),
  date('WHENCREATED'),
  date('WHENDUE'),
  text('CUSTVENDID'),
  text('CUSTVENDNAME', ro),
  text('PONUMBER'),
  text('VENDORDOCNO'),
  text('TERM.NAME'),
  text('MESSAGE'),
  text('CURRENCY'),
  text('BASECURR', ro),
  dec('EXCHRATE'),
  dec('SUBTOTAL', ro),
  dec('TOTAL', ro),
  dec('TRX_SUBTOTAL', ro),
  dec('TRX_TOTAL', ro),
  ...docAudit,
  ...mega,
]);

const PODOCUMENTENTRY = object('PODOCUMENTENTRY', { entityScoped: true }, [
  recordNo,
  int('DOCHDRNO', ro),
  text('DOCHDRID', ro),
  int('LINE_NO', ro),
  text('ITEMID'),
  text('ITEMDESC'),
  text('UNIT'),
  dec('QUANTITY'),
  dec('PRICE'),
  dec('TRX_PRICE'),
  dec('VALUE'),
  dec('TRX_VALUE'),
  text('LOCATIONID'),
  text('DEPARTMENTID'),
  text('PROJECTID'),
  text('CLASSID'),
  text('MEMO'),
  ...audit,
  ...mega,
]);

const TIMESHEET = object('TIMESHEET', { entityScoped: true }, [
  recordNo,
  text('EMPLOYEEID', req),
  text('EMPLOYEENAME', ro),
  date('BEGINDATE', req),
  date('ENDDATE', ro),
  text('STATE'),
  text('DESCRIPTION'),
  text('UOM'),
  dec('HOURSINDAY'),
  text('LOCATIONID'),
  text('DEPARTMENTID'),
  ...audit,
  ...mega,
]);

const TIMESHEETENTRY = object('TIMESHEETENTRY', { entityScoped: true }, [
  recordNo,
  int('TIMESHEETKEY', ro),
  int('LINENO', ro),
  date('ENTRYDATE', req),
  dec('QTY', req),
  bool('BILLABLE'),
  text('DESCRIPTION'),
  text('NOTES'),
  text('PROJECTID'),
  text('TASKID'),
  text('CUSTOMERID'),
  text('EMPLOYEEID'),
  text('ITEMID'),
  text('DEPARTMENTID'),
  text('LOCATIONID'),
  text('CLASSID'),
  text('STATE'),
  ...audit,
  ...mega,
]);

const EXCHANGERATE = object('EXCHANGERATE', { entityScoped: false }, [
  recordNo,
  text('TYPENAME'),
  text('FROM_CURRENCY', req),
  text('TO_CURRENCY', req),
  ...audit,
  ...mega,
]);

const EXCHANGERATEENTRY = object('EXCHANGERATEENTRY', { entityScoped: false }, [
  recordNo,
  int('EXCHANGERATEID'),
  text('FROM_CURRENCY', ro),
  text('TO_CURRENCY', ro),
  date('EFFECTIVE_START_DATE', req),
  dec('EXCHANGE_RATE', req),
  dec('RECIPROCAL_RATE', ro),
  ...audit,
  ...mega,
]);

const TRXCURRENCIES = object('TRXCURRENCIES', { idField: 'CODE', entityScoped: false }, [
  recordNo,
  text('CODE', req),
  text('FULLNAME'),
  text('SYMBOL'),
  text('ISO_CODE'),
  int('DECIMALS'),
  ...audit,
]);

const AUDITHISTORY = object(
  'AUDITHISTORY',
  { key: 'ID', entityScoped: false, modifiedField: 'ACCESSTIME', createdField: 'ACCESSTIME' },
  [
    int('ID', ro),
    text('USERID', ro),
    ts('ACCESSTIME', ro),
    text('ACCESSMODE', ro), // canonical: the letter (C/M/D); readByQuery shows the word
    text('SOURCE', ro), // api | csv | system | ui
    text('OBJECTTYPE', ro),
    text('OBJECTKEY', ro),
    text('OBJECTDESC', ro),
    text('IPADDRESS', ro),
  ],
);

/** Every object the sandbox serves, in a stable order. */
export const SANDBOX_OBJECTS: readonly SandboxObjectDef[] = [
  GLACCOUNT,
  GLBATCH,
  GLENTRY,
  GLDETAIL,
  GLACCOUNTBALANCE,
  GLBUDGETHEADER,
  GLBUDGETITEM,
  REPORTINGPERIOD,
  DEPARTMENT,
  LOCATION,
  LOCATIONENTITY,
  PROJECT,
  TASK,
  CLASS,
  FUND,
  CUSTOMER,
  VENDOR,
  EMPLOYEE,
  ITEM,
  ARINVOICE,
  ARINVOICEITEM,
  ARPYMT,
  ARPYMTDETAIL,
  APBILL,
  APBILLITEM,
  APPYMT,
  APPYMTDETAIL,
  PODOCUMENT,
  PODOCUMENTENTRY,
  TIMESHEET,
  TIMESHEETENTRY,
  EXCHANGERATE,
  EXCHANGERATEENTRY,
  TRXCURRENCIES,
  AUDITHISTORY,
];

export const SANDBOX_OBJECT_NAMES = SANDBOX_OBJECTS.map((o) => o.name);

const byName = new Map(SANDBOX_OBJECTS.map((o) => [o.name, o]));
const fieldMaps = new Map(SANDBOX_OBJECTS.map((o) => [o.name, new Map(o.fields.map((f) => [f.name, f]))]));

/** The definition of an object by name (case-insensitive), or undefined for an unknown object. */
export function objectDef(name: string): SandboxObjectDef | undefined {
  return byName.get(name.toUpperCase());
}

/** The definition of a known object; throws for an unknown one (a programming error). */
export function requireObjectDef(name: string): SandboxObjectDef {
  const def = objectDef(name);
  if (!def) throw new Error(`sandbox: unknown object ${name}`);
  return def;
}

/** A field of an object by exact upper-case name, or undefined. */
export function fieldDef(object: string, field: string): SandboxFieldDef | undefined {
  return fieldMaps.get(object.toUpperCase())?.get(field.toUpperCase());
}

/** The UDD integration names (platform objects used as GL dimensions) and their GL field. */
export const USER_DIMENSIONS = [{ object: 'FUND', glField: 'GLDIMFUND', idField: 'FUNDID' }] as const;
