/**
 * The company's lists: entities and locations, currencies and exchange rates, the chart of accounts,
 * dimensions (departments, classes, the FUND user-defined dimension, projects and tasks), customers,
 * vendors, employees, items and reporting periods. Written straight into the store (the books have
 * no rules for them beyond uniqueness).
 */
import { multiply } from '../../core/decimal.ts';
import { CONTROL_ACCOUNTS, createStamps } from '../books/common.ts';
import { fieldDef } from '../catalog.ts';
import type { SandboxEntity, SandboxFields, SandboxRecord, SandboxStore } from '../store.ts';
import { TOP_LEVEL_ID } from '../store.ts';
import type { Rng } from './rng.ts';

export const ENTITIES: readonly SandboxEntity[] = [
  { id: 'US1', name: 'Acme Corp US', recordNo: 1, baseCurrency: 'USD', country: 'United States' },
  { id: 'UK1', name: 'Acme Corp UK Ltd', recordNo: 2, baseCurrency: 'GBP', country: 'United Kingdom' },
  { id: 'DE1', name: 'Acme Corp GmbH', recordNo: 3, baseCurrency: 'EUR', country: 'Germany' },
];

const SUB_LOCATIONS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  US1: [
    ['US1-NYC', 'New York'],
    ['US1-SFO', 'San Francisco'],
    ['US1-AUS', 'Austin'],
  ],
  UK1: [
    ['UK1-LON', 'London'],
    ['UK1-MAN', 'Manchester'],
  ],
  DE1: [
    ['DE1-BER', 'Berlin'],
    ['DE1-MUC', 'Munich'],
  ],
};

export const CURRENCIES = [
  ['USD', 'US Dollar', '$', '1.0000'],
  ['GBP', 'British Pound', '£', '1.2700'],
  ['EUR', 'Euro', '€', '1.0800'],
  ['CAD', 'Canadian Dollar', 'C$', '0.7400'],
  ['AUD', 'Australian Dollar', 'A$', '0.6600'],
] as const;

type AccountSpec = readonly [
  no: string,
  title: string,
  type: 'balancesheet' | 'incomestatement',
  normal: 'debit' | 'credit',
  category: string,
  flags?: string,
];

/** The chart of accounts. Flags: C subledger control, D requires department, I inactive. */
export const CHART: readonly AccountSpec[] = [
  [CONTROL_ACCOUNTS.cash, 'Operating Cash', 'balancesheet', 'debit', 'Cash and Cash Equivalents'],
  [
    CONTROL_ACCOUNTS.undepositedFunds,
    'Undeposited Funds',
    'balancesheet',
    'debit',
    'Cash and Cash Equivalents',
  ],
  ['1020', 'Savings Account', 'balancesheet', 'debit', 'Cash and Cash Equivalents'],
  [
    CONTROL_ACCOUNTS.accountsReceivable,
    'Accounts Receivable',
    'balancesheet',
    'debit',
    'Accounts Receivable',
    'C',
  ],
  ['1250', 'Allowance for Doubtful Accounts', 'balancesheet', 'credit', 'Accounts Receivable'],
  ['1300', 'Prepaid Expenses', 'balancesheet', 'debit', 'Other Current Assets'],
  ['1350', 'Inventory', 'balancesheet', 'debit', 'Inventory'],
  [
    CONTROL_ACCOUNTS.intercompanyReceivable,
    'Intercompany Receivable',
    'balancesheet',
    'debit',
    'Other Current Assets',
  ],
  ['1500', 'Equipment', 'balancesheet', 'debit', 'Fixed Assets'],
  ['1510', 'Accumulated Depreciation', 'balancesheet', 'credit', 'Fixed Assets'],
  ['1600', 'Security Deposits', 'balancesheet', 'debit', 'Other Assets'],
  [CONTROL_ACCOUNTS.accountsPayable, 'Accounts Payable', 'balancesheet', 'credit', 'Accounts Payable', 'C'],
  [
    CONTROL_ACCOUNTS.accruedPayroll,
    'Accrued Payroll and Benefits',
    'balancesheet',
    'credit',
    'Accrued Liabilities',
  ],
  [CONTROL_ACCOUNTS.accruedExpenses, 'Accrued Expenses', 'balancesheet', 'credit', 'Accrued Liabilities'],
  ['2200', 'Payroll Taxes Payable', 'balancesheet', 'credit', 'Other Current Liabilities'],
  ['2300', 'Deferred Revenue', 'balancesheet', 'credit', 'Other Current Liabilities'],
  [
    CONTROL_ACCOUNTS.intercompanyPayable,
    'Intercompany Payable',
    'balancesheet',
    'credit',
    'Other Current Liabilities',
  ],
  ['2500', 'Sales Tax Payable', 'balancesheet', 'credit', 'Other Current Liabilities'],
  ['2700', 'Long-term Debt', 'balancesheet', 'credit', 'Long Term Liabilities'],
  ['3000', 'Common Stock', 'balancesheet', 'credit', 'Equity'],
  [CONTROL_ACCOUNTS.retainedEarnings, 'Retained Earnings', 'balancesheet', 'credit', 'Retained Earnings'],
  ['3200', 'Additional Paid-in Capital', 'balancesheet', 'credit', 'Equity'],
  ['4000', 'Product Revenue', 'incomestatement', 'credit', 'Revenue'],
  ['4100', 'Services Revenue', 'incomestatement', 'credit', 'Revenue'],
  ['4200', 'Subscription Revenue', 'incomestatement', 'credit', 'Revenue'],
  ['4900', 'Other Income', 'incomestatement', 'credit', 'Other Income'],
  ['4950', 'Intercompany Management Fee Income', 'incomestatement', 'credit', 'Other Income'],
  ['5000', 'Cost of Goods Sold', 'incomestatement', 'debit', 'Cost of Sales'],
  ['5100', 'Cost of Services', 'incomestatement', 'debit', 'Cost of Sales'],
  ['5200', 'Hosting Costs', 'incomestatement', 'debit', 'Cost of Sales'],
  ['6000', 'Salaries and Wages', 'incomestatement', 'debit', 'Operating Expenses', 'D'],
  ['6010', 'Payroll Taxes', 'incomestatement', 'debit', 'Operating Expenses', 'D'],
  ['6020', 'Employee Benefits', 'incomestatement', 'debit', 'Operating Expenses', 'D'],
  ['6100', 'Rent', 'incomestatement', 'debit', 'Operating Expenses'],
  ['6110', 'Utilities', 'incomestatement', 'debit', 'Operating Expenses'],
  ['6200', 'Software Subscriptions', 'incomestatement', 'debit', 'Operating Expenses'],
  ['6210', 'Office Supplies', 'incomestatement', 'debit', 'Operating Expenses'],
  ['6300', 'Travel', 'incomestatement', 'debit', 'Operating Expenses'],
  ['6310', 'Meals and Entertainment', 'incomestatement', 'debit', 'Operating Expenses'],
  ['6400', 'Professional Fees', 'incomestatement', 'debit', 'Operating Expenses'],
  ['6410', 'Legal Fees', 'incomestatement', 'debit', 'Operating Expenses'],
  ['6500', 'Marketing and Advertising', 'incomestatement', 'debit', 'Operating Expenses'],
  ['6600', 'Depreciation Expense', 'incomestatement', 'debit', 'Operating Expenses'],
  ['6700', 'Insurance', 'incomestatement', 'debit', 'Operating Expenses'],
  ['6800', 'Bank Fees', 'incomestatement', 'debit', 'Operating Expenses'],
  ['6900', 'Training and Education', 'incomestatement', 'debit', 'Operating Expenses'],
  ['6950', 'Telephone (old)', 'incomestatement', 'debit', 'Operating Expenses', 'I'],
  ['7000', 'Interest Expense', 'incomestatement', 'debit', 'Other Expense'],
  ['7100', 'Foreign Exchange Gain/Loss', 'incomestatement', 'debit', 'Other Expense'],
  ['7200', 'Intercompany Management Fee Expense', 'incomestatement', 'debit', 'Other Expense'],
];

/** Expense accounts bills and misc entries use, with the department they usually belong to. */
export const EXPENSE_ACCOUNTS: readonly (readonly [string, string, number])[] = [
  ['5000', 'OPS', 3],
  ['5200', 'ENG', 3],
  ['6100', 'G&A', 2],
  ['6110', 'G&A', 1],
  ['6200', 'ENG', 3],
  ['6210', 'G&A', 1],
  ['6300', 'SALES', 2],
  ['6310', 'SALES', 1],
  ['6400', 'FIN', 1],
  ['6410', 'FIN', 1],
  ['6500', 'MKTG', 2],
  ['6700', 'G&A', 1],
  ['6800', 'FIN', 1],
  ['6900', 'HR', 1],
];

const DEPARTMENTS = [
  ['ENG', 'Engineering', null],
  ['SALES', 'Sales', null],
  ['MKTG', 'Marketing', null],
  ['OPS', 'Operations', null],
  ['SUPPORT', 'Customer Support', 'OPS'],
  ['G&A', 'General and Administrative', null],
  ['FIN', 'Finance', 'G&A'],
  ['HR', 'Human Resources', 'G&A'],
  ['LEGACY', 'Legacy Programs', null],
] as const;
export const ACTIVE_DEPARTMENTS = DEPARTMENTS.filter(([id]) => id !== 'LEGACY').map(([id]) => id);

const CLASSES = [
  ['ENT', 'Enterprise'],
  ['MID', 'Mid-Market'],
  ['SMB', 'Small Business'],
  ['GOV', 'Public Sector'],
  ['NFP', 'Non-Profit'],
] as const;
export const CLASS_IDS = CLASSES.map(([id]) => id);

const FUNDS = [
  ['GEN', 'General Fund', 'Unrestricted'],
  ['GRANT-A', 'Research Grant A', 'Temporarily Restricted'],
  ['GRANT-B', 'Community Grant B', 'Temporarily Restricted'],
  ['ENDOW', 'Endowment', 'Permanently Restricted'],
] as const;
export const FUND_IDS = FUNDS.map(([id]) => id);

const ITEMS = [
  ['SW-LIC', 'Software License', '4000', 1200, 9000],
  ['SW-SUB', 'Annual Subscription', '4200', 600, 24000],
  ['SW-SEAT', 'Additional Seat', '4200', 40, 400],
  ['HW-SRV', 'Appliance Server', '4000', 3000, 15000],
  ['HW-KIT', 'Sensor Kit', '4000', 150, 900],
  ['SVC-IMPL', 'Implementation Services', '4100', 2500, 40000],
  ['SVC-TRAIN', 'Training Day', '4100', 900, 3000],
  ['SVC-CONS', 'Consulting Hours', '4100', 150, 250],
  ['SVC-SUPP', 'Premium Support', '4200', 1000, 12000],
  ['SVC-MIG', 'Data Migration', '4100', 2000, 18000],
] as const;

const FIRST = [
  'Ava',
  'Liam',
  'Mia',
  'Noah',
  'Emma',
  'Oliver',
  'Sofia',
  'Lucas',
  'Chloe',
  'Ethan',
  'Hannah',
  'Jonas',
  'Amelia',
  'Leon',
  'Isla',
  'Felix',
  'Grace',
  'Omar',
  'Priya',
  'Mateo',
  'Yuki',
  'Zara',
];
const LAST = [
  'Smith',
  'Johnson',
  'Brown',
  'Müller',
  'Schmidt',
  'Taylor',
  'Wilson',
  'Davies',
  'Evans',
  'Fischer',
  'Weber',
  "O'Brien",
  'Garcia',
  'Nguyen',
  'Patel',
  'Khan',
  'Rossi',
  'Dubois',
  'Novak',
  'Kowalski',
];
const CO_A = [
  'Blue',
  'North',
  'Silver',
  'Bright',
  'Summit',
  'Harbor',
  'Granite',
  'Cedar',
  'Atlas',
  'Nimbus',
  'Vertex',
  'Pioneer',
  'Lumen',
  'Quantum',
  'Redwood',
  'Coastal',
];
const CO_B = [
  'River',
  'Peak',
  'Works',
  'Systems',
  'Foods',
  'Logistics',
  'Health',
  'Labs',
  'Media',
  'Capital',
  'Energy',
  'Retail',
  'Analytics',
  'Freight',
  'Studios',
  'Partners',
];
const CO_C = ['Inc', 'LLC', 'Ltd', 'GmbH', 'Co', 'Group', 'plc', 'AG', '& Sons', 'Holdings'];
const VENDOR_KINDS = [
  'Office Supply',
  'Cloud Hosting',
  'Legal Services',
  'Travel Agency',
  'Staffing',
  'Marketing Agency',
  'Insurance',
  'Facilities',
  'Telecom',
  'Consulting',
];
const CITIES: Readonly<Record<string, readonly (readonly [string, string, string])[]>> = {
  US1: [
    ['New York', 'NY', 'United States'],
    ['Chicago', 'IL', 'United States'],
    ['Seattle', 'WA', 'United States'],
    ['Toronto', 'ON', 'Canada'],
  ],
  UK1: [
    ['London', '', 'United Kingdom'],
    ['Leeds', '', 'United Kingdom'],
    ['Dublin', '', 'Ireland'],
  ],
  DE1: [
    ['Berlin', 'BE', 'Germany'],
    ['Hamburg', 'HH', 'Germany'],
    ['Vienna', '', 'Austria'],
  ],
};

export interface PartyInfo {
  readonly id: string;
  readonly name: string;
  readonly home: string;
  readonly currency: string;
  readonly classId: string;
}

export interface EmployeeInfo {
  readonly id: string;
  readonly entity: string;
  readonly department: string;
  readonly location: string;
  readonly annualSalary: number;
  readonly billable: boolean;
}

export interface ProjectInfo {
  readonly id: string;
  readonly entity: string;
  readonly customer: string;
  readonly tasks: readonly string[];
  readonly department: string;
}

export interface ItemInfo {
  readonly id: string;
  readonly account: string;
  readonly min: number;
  readonly max: number;
}

export interface MasterData {
  readonly locations: Readonly<Record<string, readonly string[]>>;
  readonly customers: readonly PartyInfo[];
  readonly vendors: readonly PartyInfo[];
  readonly employees: readonly EmployeeInfo[];
  readonly projects: readonly ProjectInfo[];
  readonly items: readonly ItemInfo[];
  readonly periods: readonly { name: string; start: string; end: string }[];
}

/** History months: January 2025 through October 2026; periods run through December 2026. */
export const HISTORY_START = '2025-01-01';
export const HISTORY_END = '2026-10-31';
const SETUP_MS = Date.UTC(2024, 11, 2, 15, 0, 0);
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function monthEnd(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export function periodName(year: number, month: number): string {
  return `Month Ended ${MONTH_NAMES[month - 1]} ${year}`;
}

/** Inserts with setup-time stamps; a share of records keep a null WHENMODIFIED as Intacct's do. */
class Writer {
  #n = 0;
  constructor(
    readonly store: SandboxStore,
    readonly rng: Rng,
  ) {}

  insert(object: string, fields: SandboxFields, owner: string = TOP_LEVEL_ID): SandboxRecord {
    const atMs = SETUP_MS + this.#n++ * 37_000;
    const untouched = this.rng.chance(0.2);
    let stamps = createStamps(this.store, { atMs, leaveModifiedNull: untouched });
    if (!untouched && this.rng.chance(0.25)) {
      // Edited later: WHENMODIFIED after WHENCREATED.
      stamps = { ...stamps, WHENMODIFIED: isoAt(atMs + this.rng.int(1, 400) * 86_400_000) };
    }
    const hasMega = fieldDef(object, 'MEGAENTITYID') !== undefined;
    return this.store.insert(object, { ...fields, ...stamps, ...(hasMega ? mega(this.store, owner) : {}) });
  }
}

function isoAt(ms: number): string {
  return `${new Date(Math.min(ms, Date.UTC(2026, 9, 30, 12))).toISOString().slice(0, 19)}Z`;
}

function mega(store: SandboxStore, owner: string): SandboxFields {
  const e = owner === TOP_LEVEL_ID ? undefined : store.entity(owner);
  return e
    ? { MEGAENTITYKEY: String(e.recordNo), MEGAENTITYID: e.id, MEGAENTITYNAME: e.name }
    : { MEGAENTITYKEY: null, MEGAENTITYID: null, MEGAENTITYNAME: null };
}

export function buildMasterData(store: SandboxStore, rng: Rng, scale: number): MasterData {
  const w = new Writer(store, rng.fork('master'));

  // Entities are locations too: LOCATIONENTITY and LOCATION share their ids.
  for (const e of ENTITIES) {
    const fields = {
      RECORDNO: String(e.recordNo),
      LOCATIONID: e.id,
      NAME: e.name,
      STATUS: 'active',
      CURRENCY: e.baseCurrency,
      STARTDATE: '2024-12-01',
      ENTITY: e.id,
      'CONTACTINFO.CONTACTNAME': `${e.name} Finance`,
      'CONTACTINFO.MAILADDRESS.COUNTRY': e.country,
    };
    w.insert('LOCATIONENTITY', {
      ...fields,
      FEDERALID: `${e.recordNo}${String(100000000 + e.recordNo * 7919).slice(1)}`,
      FIRSTMONTH: '1',
      FIRSTMONTHTAX: '1',
      WEEKSTART: 'Monday',
      OPCOUNTRY: e.country,
      ADDRESSCOUNTRYDEFAULT: e.country,
    });
    w.insert('LOCATION', fields);
  }
  const locations: Record<string, string[]> = {};
  for (const e of ENTITIES) {
    locations[e.id] = [e.id];
    for (const [id, name] of SUB_LOCATIONS[e.id] ?? []) {
      w.insert(
        'LOCATION',
        {
          LOCATIONID: id,
          NAME: name,
          PARENTID: e.id,
          PARENTNAME: e.name,
          STATUS: 'active',
          CURRENCY: e.baseCurrency,
          ENTITY: e.id,
          STARTDATE: '2024-12-01',
        },
        e.id,
      );
      locations[e.id]!.push(id);
    }
  }

  for (const [code, name, symbol] of CURRENCIES) {
    w.insert('TRXCURRENCIES', { CODE: code, FULLNAME: name, SYMBOL: symbol, ISO_CODE: code, DECIMALS: '2' });
  }
  buildExchangeRates(w, rng.fork('rates'));

  for (const [no, title, type, normal, category, flags = ''] of CHART) {
    w.insert('GLACCOUNT', {
      ACCOUNTNO: no,
      TITLE: title,
      ACCOUNTTYPE: type,
      NORMALBALANCE: normal,
      CLOSINGTYPE: type === 'incomestatement' ? 'closing account' : 'non-closing account',
      CLOSINGACCOUNTNO: type === 'incomestatement' ? CONTROL_ACCOUNTS.retainedEarnings : null,
      CLOSINGACCOUNTTITLE: type === 'incomestatement' ? 'Retained Earnings' : null,
      CATEGORY: category,
      STATUS: flags.includes('I') ? 'inactive' : 'active',
      REQUIREDEPT: flags.includes('D') ? 'true' : 'false',
      REQUIRELOC: 'true',
      REQUIREPROJECT: 'false',
      REQUIRECUSTOMER: 'false',
      REQUIREVENDOR: 'false',
      REQUIREEMPLOYEE: 'false',
      REQUIREITEM: 'false',
      REQUIRECLASS: 'false',
      REQUIREGLDIMFUND: 'false',
      TAXABLE: 'false',
      SUBLEDGERCONTROLON: flags.includes('C') ? 'true' : 'false',
      ENABLEGLDIMFUND: type === 'incomestatement' ? 'true' : 'false',
    });
  }

  for (const [id, title, parent] of DEPARTMENTS) {
    w.insert('DEPARTMENT', {
      DEPARTMENTID: id,
      TITLE: title,
      PARENTID: parent,
      PARENTNAME: parent ? (DEPARTMENTS.find(([d]) => d === parent)?.[1] ?? null) : null,
      STATUS: id === 'LEGACY' ? 'inactive' : 'active',
    });
  }
  for (const [object, idField] of [
    ['DEPARTMENT', 'DEPARTMENTID'],
    ['LOCATION', 'LOCATIONID'],
  ] as const) {
    // PARENTKEY is the parent's RECORDNO, known once the parent exists.
    for (const r of store.list(object)) {
      const parent = r.PARENTID ? store.findById(object, r.PARENTID) : undefined;
      if (parent && r[idField]) store.update(object, r.RECORDNO!, { PARENTKEY: parent.RECORDNO });
    }
  }
  for (const [id, name] of CLASSES) w.insert('CLASS', { CLASSID: id, NAME: name, STATUS: 'active' });
  for (const [id, name, type] of FUNDS)
    w.insert('FUND', { FUNDID: id, NAME: name, FUNDTYPE: type, STATUS: 'active' });

  const items: ItemInfo[] = [];
  for (const [id, name, account, min, max] of ITEMS) {
    w.insert('ITEM', {
      ITEMID: id,
      NAME: name,
      PRODUCTLINEID: id.startsWith('SVC') ? 'SERVICES' : id.startsWith('HW') ? 'HARDWARE' : 'SOFTWARE',
      ITEMTYPE: id.startsWith('HW') ? 'Inventory' : 'Non-Inventory',
      STATUS: 'active',
      UOMGRP: id === 'SVC-CONS' ? 'Time' : 'Count',
      COST_METHOD: 'Standard',
      BASEPRICE: `${min}.00`,
      STANDARD_COST: multiply(`${min}`, '0.4', 2),
      GLGROUP: id.startsWith('SVC') ? 'Services' : 'Products',
      INCOMEACCOUNTNO: account,
      EXPENSEACCOUNTNO: id.startsWith('SVC') ? '5100' : '5000',
      TAXABLE: id.startsWith('SVC') ? 'false' : 'true',
    });
    items.push({ id, account, min, max });
  }

  const customers = buildParties(
    w,
    rng.fork('customers'),
    'CUSTOMER',
    Math.max(12, Math.round(20 + 280 * scale)),
  );
  const vendors = buildParties(w, rng.fork('vendors'), 'VENDOR', Math.max(10, Math.round(15 + 120 * scale)));
  const employees = buildEmployees(w, rng.fork('employees'), locations, scale);
  const projects = buildProjects(w, rng.fork('projects'), customers, employees, scale);

  const periods: { name: string; start: string; end: string }[] = [];
  for (const year of [2025, 2026]) {
    for (let m = 1; m <= 12; m++) {
      const name = periodName(year, m);
      const start = `${year}-${String(m).padStart(2, '0')}-01`;
      const end = monthEnd(year, m);
      w.insert('REPORTINGPERIOD', {
        NAME: name,
        HEADER1: 'Month Ended',
        HEADER2: `${MONTH_NAMES[m - 1]} ${year}`,
        START_DATE: start,
        END_DATE: end,
        BUDGETING: 'true',
        DATETYPE: 'Month',
        STATUS: 'active',
      });
      periods.push({ name, start, end });
    }
    w.insert('REPORTINGPERIOD', {
      NAME: `Year Ended December ${year}`,
      HEADER1: 'Year Ended',
      HEADER2: `December ${year}`,
      START_DATE: `${year}-01-01`,
      END_DATE: `${year}-12-31`,
      BUDGETING: 'false',
      DATETYPE: 'Year',
      STATUS: 'active',
    });
  }
  buildIntercompanySetup(store);
  return { locations, customers, vendors, employees, projects, items, periods };
}

/** The account that offsets consolidation eliminations in each entity of a pair. */
export const INTERCOMPANY_ELIMINATION_ACCOUNT = '1490';

/** The customer and vendor id under which an entity appears in the other entities' books. */
export function intercompanyPartyId(entityId: string): string {
  return `IC-${entityId}`;
}

/**
 * The intercompany setup: every entity is a customer and a vendor of the others (the counterparty
 * dimension on due-from and due-to lines, so balances reconcile per entity pair), and an
 * elimination clearing account. Written last and without random draws, so every other generated
 * record stays exactly as it was.
 */
function buildIntercompanySetup(store: SandboxStore): void {
  const stamps = createStamps(store, { atMs: SETUP_MS });
  const top = mega(store, TOP_LEVEL_ID);
  for (const e of ENTITIES) {
    const common = {
      NAME: `${e.name} (intercompany)`,
      TERMNAME: 'N30',
      ONHOLD: 'false',
      STATUS: 'active',
      CURRENCY: e.baseCurrency,
      'DISPLAYCONTACT.PRINTAS': e.name,
      'DISPLAYCONTACT.MAILADDRESS.COUNTRY': e.country,
      ...stamps,
      ...top,
    };
    store.insert('CUSTOMER', {
      ...common,
      CUSTOMERID: intercompanyPartyId(e.id),
      CUSTTYPE: 'Intercompany',
      ONETIME: 'false',
      ARACCOUNT: CONTROL_ACCOUNTS.accountsReceivable,
      ARACCOUNTTITLE: 'Accounts Receivable',
    });
    store.insert('VENDOR', {
      ...common,
      VENDORID: intercompanyPartyId(e.id),
      VENDTYPE: 'Intercompany',
      APACCOUNT: CONTROL_ACCOUNTS.accountsPayable,
      APACCOUNTTITLE: 'Accounts Payable',
    });
  }
  store.insert('GLACCOUNT', {
    ACCOUNTNO: INTERCOMPANY_ELIMINATION_ACCOUNT,
    TITLE: 'Intercompany Elimination Clearing',
    ACCOUNTTYPE: 'balancesheet',
    NORMALBALANCE: 'debit',
    CLOSINGTYPE: 'non-closing account',
    CLOSINGACCOUNTNO: null,
    CLOSINGACCOUNTTITLE: null,
    CATEGORY: 'Other Current Assets',
    STATUS: 'active',
    REQUIREDEPT: 'false',
    REQUIRELOC: 'true',
    REQUIREPROJECT: 'false',
    REQUIRECUSTOMER: 'false',
    REQUIREVENDOR: 'false',
    REQUIREEMPLOYEE: 'false',
    REQUIREITEM: 'false',
    REQUIRECLASS: 'false',
    REQUIREGLDIMFUND: 'false',
    TAXABLE: 'false',
    SUBLEDGERCONTROLON: 'false',
    ENABLEGLDIMFUND: 'false',
    ...stamps,
  });
}

function buildExchangeRates(w: Writer, rng: Rng): void {
  for (const [code, , , startRate] of CURRENCIES) {
    if (code === 'USD') continue;
    const header = w.insert('EXCHANGERATE', {
      TYPENAME: 'Intacct Daily Rate',
      FROM_CURRENCY: code,
      TO_CURRENCY: 'USD',
    });
    // Weekly rates, a bounded random walk around the starting rate.
    let units = Math.round(Number(startRate) * 10_000);
    const base = units;
    for (let ms = Date.UTC(2024, 11, 2); ms <= Date.UTC(2027, 11, 27); ms += 7 * 86_400_000) {
      units += rng.int(-60, 60);
      units = Math.min(Math.max(units, Math.round(base * 0.9)), Math.round(base * 1.1));
      const rate = (units / 10_000).toFixed(4);
      w.insert('EXCHANGERATEENTRY', {
        EXCHANGERATEID: header.RECORDNO,
        FROM_CURRENCY: code,
        TO_CURRENCY: 'USD',
        EFFECTIVE_START_DATE: new Date(ms).toISOString().slice(0, 10),
        EXCHANGE_RATE: rate,
        RECIPROCAL_RATE: (10_000 / units).toFixed(4),
      });
    }
  }
}

const TIERS = ['Strategic', 'Growth', 'Standard'] as const;

const HOME_WEIGHTS = [
  ['US1', 5],
  ['UK1', 2.5],
  ['DE1', 2.5],
] as const;
const OTHER_CURRENCY: Readonly<Record<string, string>> = { US1: 'CAD', UK1: 'EUR', DE1: 'USD' };

function buildParties(w: Writer, rng: Rng, object: 'CUSTOMER' | 'VENDOR', count: number): PartyInfo[] {
  const out: PartyInfo[] = [];
  const used = new Set<string>();
  for (let i = 1; i <= count; i++) {
    const home = rng.weighted(HOME_WEIGHTS);
    const entity = ENTITIES.find((e) => e.id === home)!;
    const currency = rng.chance(0.12) ? (OTHER_CURRENCY[home] ?? entity.baseCurrency) : entity.baseCurrency;
    // A few draws for a fresh name, then a numbered one: the name space is finite at large scales.
    let name = '';
    for (let attempt = 0; attempt < 8 && (name === '' || used.has(name)); attempt++) {
      name =
        object === 'CUSTOMER'
          ? `${rng.pick(CO_A)} ${rng.pick(CO_B)} ${rng.pick(CO_C)}`
          : `${rng.pick(CO_A)} ${rng.pick(VENDOR_KINDS)} ${rng.pick(CO_C)}`;
    }
    if (used.has(name)) name = `${name} ${i}`;
    used.add(name);
    const [city, state, country] = rng.pick(CITIES[home] ?? []);
    const id = `${object === 'CUSTOMER' ? 'C' : 'V'}-${String(i).padStart(5, '0')}`;
    const classId = rng.pick(CLASS_IDS);
    const inactive = rng.chance(0.04);
    const email = `ap@${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
    const common = {
      NAME: name,
      TERMNAME: rng.weighted([
        ['N30', 6],
        ['N15', 2],
        ['N45', 1],
        ['Due on receipt', 1],
      ] as const),
      CREDITLIMIT: object === 'CUSTOMER' ? rng.wholeMoney(5000, 250000, 5000) : null,
      ONHOLD: 'false',
      STATUS: inactive ? 'inactive' : 'active',
      CURRENCY: currency,
      'DISPLAYCONTACT.PRINTAS': name,
      'DISPLAYCONTACT.EMAIL1': email,
      'DISPLAYCONTACT.MAILADDRESS.COUNTRY': country,
    };
    if (object === 'CUSTOMER') {
      w.insert('CUSTOMER', {
        ...common,
        CUSTOMERID: id,
        CUSTTYPE: classId === 'GOV' ? 'Government' : classId === 'NFP' ? 'Non-Profit' : 'Commercial',
        ONETIME: 'false',
        'DISPLAYCONTACT.PHONE1': `+1 555 ${String(rng.int(1000000, 9999999))}`,
        'DISPLAYCONTACT.MAILADDRESS.CITY': city,
        'DISPLAYCONTACT.MAILADDRESS.STATE': state || null,
        ARACCOUNT: CONTROL_ACCOUNTS.accountsReceivable,
        ARACCOUNTTITLE: 'Accounts Receivable',
        DELIVERY_OPTIONS: rng.pick(['Print', 'E-Mail', 'Both']),
        SALESFORCE_ID: rng.chance(0.75) ? `0015g00000${salesforceTail(rng)}` : null,
        // From the id, not the generator: the other fields stay identical whichever company is built.
        CUSTOMER_TIER: TIERS[[...id].reduce((n, c) => n + c.charCodeAt(0), 0) % TIERS.length]!,
      });
    } else {
      w.insert('VENDOR', {
        ...common,
        VENDORID: id,
        VENDTYPE: rng.pick(['Supplier', 'Contractor', 'Service Provider']),
        TAXID: country === 'United States' ? `${rng.int(10, 99)}-${rng.int(1000000, 9999999)}` : null,
        PAYMENTPRIORITY: rng.pick(['Normal', 'Normal', 'High', 'Low']),
        FORM1099TYPE: country === 'United States' && rng.chance(0.3) ? 'MISC' : null,
        FORM1099BOX: null,
        APACCOUNT: CONTROL_ACCOUNTS.accountsPayable,
        APACCOUNTTITLE: 'Accounts Payable',
      });
    }
    if (!inactive) out.push({ id, name, home, currency, classId });
  }
  return out;
}

function salesforceTail(rng: Rng): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 8; i++) s += alphabet[rng.int(0, alphabet.length - 1)];
  return s;
}

function buildEmployees(
  w: Writer,
  rng: Rng,
  locations: Record<string, string[]>,
  scale: number,
): EmployeeInfo[] {
  const out: EmployeeInfo[] = [];
  let n = 0;
  for (const e of ENTITIES) {
    const count = Math.max(2, Math.round((e.id === 'US1' ? 24 : 14) * scale + 1));
    for (let i = 0; i < count; i++) {
      n++;
      const id = `E-${String(n).padStart(4, '0')}`;
      // The first employee of each entity is a billable engineer, so every entity has project time.
      const department = i === 0 ? 'ENG' : rng.pick(ACTIVE_DEPARTMENTS);
      const location = rng.pick(locations[e.id] ?? [e.id]);
      const annualSalary = rng.int(45, 180) * 1000;
      const billable =
        i === 0 ||
        ((department === 'OPS' || department === 'SUPPORT' || department === 'ENG') && rng.chance(0.6));
      w.insert(
        'EMPLOYEE',
        {
          EMPLOYEEID: id,
          CONTACT_NAME: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
          TITLE: rng.pick(['Analyst', 'Engineer', 'Manager', 'Specialist', 'Director', 'Consultant']),
          DEPARTMENTID: department,
          LOCATIONID: location,
          CLASSID: null,
          STARTDATE: `20${rng.int(15, 24)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
          EMPLOYEETYPE: rng.chance(0.9) ? 'Full Time' : 'Part Time',
          STATUS: 'active',
          CURRENCY: e.baseCurrency,
          BILLINGRATE: billable ? `${rng.int(12, 30) * 10}.00` : null,
        },
        e.id,
      );
      out.push({ id, entity: e.id, department, location, annualSalary, billable });
    }
  }
  return out;
}

function buildProjects(
  w: Writer,
  rng: Rng,
  customers: readonly PartyInfo[],
  employees: readonly EmployeeInfo[],
  scale: number,
): ProjectInfo[] {
  const out: ProjectInfo[] = [];
  for (const e of ENTITIES) {
    const count = Math.max(2, Math.round(3 + 12 * scale));
    const local = customers.filter((c) => c.home === e.id);
    for (let i = 1; i <= count; i++) {
      const id = `P-${e.id}-${String(i).padStart(3, '0')}`;
      const customer = rng.pick(local.length > 0 ? local : customers);
      const manager = employees.find((x) => x.entity === e.id) ?? null;
      const department = rng.pick(['ENG', 'OPS', 'SUPPORT']);
      const begin = `2025-${String(rng.int(1, 9)).padStart(2, '0')}-01`;
      const name = `${customer.name.split(' ').slice(0, 2).join(' ')} ${rng.pick(['Rollout', 'Migration', 'Integration', 'Upgrade', 'Pilot'])}`;
      w.insert(
        'PROJECT',
        {
          PROJECTID: id,
          NAME: name,
          DESCRIPTION: `${name} for ${customer.name}`,
          PROJECTCATEGORY: 'Contract',
          PROJECTTYPE: rng.pick(['Implementation', 'Time and Materials', 'Fixed Fee']),
          PROJECTSTATUS: rng.chance(0.8) ? 'In Progress' : 'Completed',
          CUSTOMERID: customer.id,
          CUSTOMERNAME: customer.name,
          MANAGERID: manager?.id ?? null,
          BEGINDATE: begin,
          ENDDATE: null,
          BUDGETAMOUNT: rng.wholeMoney(20000, 400000, 1000),
          CONTRACTAMOUNT: rng.wholeMoney(25000, 500000, 1000),
          BUDGETQTY: String(rng.int(100, 2000)),
          CURRENCY: e.baseCurrency,
          DEPARTMENTID: department,
          LOCATIONID: e.id,
          CLASSID: customer.classId,
          BILLINGTYPE: rng.pick(['Time and Materials', 'Fixed Fee']),
          STATUS: 'active',
        },
        e.id,
      );
      const tasks: string[] = [];
      const taskNames = ['Discovery', 'Build', 'Testing', 'Go-Live', 'Training'];
      const taskCount = rng.int(2, 5);
      for (let t = 0; t < taskCount; t++) {
        const taskId = `${id}-T${t + 1}`;
        w.insert(
          'TASK',
          {
            TASKID: taskId,
            NAME: taskNames[t] ?? `Task ${t + 1}`,
            PROJECTID: id,
            PROJECTNAME: name,
            PBEGINDATE: begin,
            BUDGETQTY: String(rng.int(20, 400)),
            ESTQTY: String(rng.int(20, 400)),
            BILLABLE: 'true',
            PERCENTCOMPLETE: String(rng.int(0, 100)),
            TASKSTATUS: 'In Progress',
            STATUS: 'active',
          },
          e.id,
        );
        tasks.push(taskId);
      }
      out.push({ id, entity: e.id, customer: customer.id, tasks, department });
    }
  }
  // PROJECTKEY / TASK.PROJECTKEY and PARENTKEYs are record-number links; fill them now that keys exist.
  for (const t of w.store.list('TASK')) {
    const p = w.store.findById('PROJECT', t.PROJECTID ?? '');
    if (p) w.store.update('TASK', t.RECORDNO!, { PROJECTKEY: p.RECORDNO });
  }
  return out;
}
