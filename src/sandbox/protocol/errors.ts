/**
 * Intacct's error blocks as the sandbox answers them. Numbers and texts follow
 * shared/reference/intacct-protocol-facts.md §9; where the reference marks a case UNCONFIRMED the
 * text here is our best guess and says so.
 */
export interface ProtocolError {
  readonly errorno: string;
  readonly description?: string;
  readonly description2?: string;
  readonly correction?: string;
}

/** Thrown inside a function handler to fail that function's result with these errors. */
export class FunctionFailure extends Error {
  constructor(
    readonly errors: readonly ProtocolError[],
    /** Intacct reports some read failures as `aborted` even outside a transaction. */
    readonly status: 'failure' | 'aborted' = 'failure',
    /** query answers an empty data element after the errors; a failed create one before them. */
    readonly emptyData?: Readonly<Record<string, string>>,
    readonly emptyDataFirst = false,
  ) {
    super(errors.map((e) => e.description2 || e.description || e.errorno).join('; '));
    this.name = 'FunctionFailure';
  }
}

let supportCounter = 0;
/** A deterministic-looking support id, as Intacct appends to description2. */
export function supportId(): string {
  supportCounter = (supportCounter + 1) % 1_000_000;
  return `[Support ID: sbx${supportCounter.toString(36).padStart(6, '0')}]`;
}

export const ROLLED_BACK: ProtocolError = {
  errorno: 'XL03000009',
  description: 'The entire transaction in this operation has been rolled back due to an error.',
  description2: '',
  correction: '',
};

export function malformedXml(detail: string, line: number, column: number): ProtocolError {
  return {
    errorno: 'XL03000003',
    description: '',
    description2: `XML Parse schema error: Fatal Error 76: ${detail}. Line: ${line}, column: ${column}. ${supportId()}`,
    correction: '',
  };
}

export function schemaError(detail: string): ProtocolError {
  return {
    errorno: 'XL03000003',
    description: '',
    description2: `XML Parse schema error: ${detail} ${supportId()}`,
    correction: '',
  };
}

export const BAD_SENDER: ProtocolError = {
  errorno: 'XL03000006',
  description: '',
  description2: 'Incorrect Intacct XML Partner ID or password.',
  correction: '',
};

export function senderNotAuthorized(senderId: string, companyId: string): ProtocolError {
  return {
    errorno: 'XL03000006',
    description: 'Invalid Web Services Authorization',
    description2: `The sender ID '${senderId}' is not authorized to make Web Services requests to company ID '${companyId}'.`,
    correction: 'Contact the company administrator to grant Web Services authorization to this sender ID.',
  };
}

export const BAD_USER: ProtocolError = {
  errorno: 'XL03000006',
  description: '',
  description2: 'Sign-in information is incorrect',
  correction: '',
};

/** Newer gateways: HTTP 401 with a control block holding only a status. */
export const BAD_USER_401: ProtocolError = {
  errorno: 'XMLGW_JPP0002',
  description: 'Sign-in information is incorrect. Please check your request.',
};

/** UNCONFIRMED: no public fixture shows the answer to an expired session. */
export const BAD_SESSION: ProtocolError = {
  errorno: 'XL03000006',
  description: '',
  description2: 'Invalid session. The session may have expired; sign in again.',
  correction: '',
};

export function badLocation(locationId: string): ProtocolError {
  return {
    errorno: 'XL03000006',
    description: '',
    description2: `Sign-in information is incorrect. Invalid location '${locationId}'.`,
    correction: 'Check the location id of the entity you sign in to.',
  };
}

/** GW-0010 (HTTP 429): only a description, as gateway errors are written. Text UNCONFIRMED. */
export function rateLimited(): ProtocolError {
  return {
    errorno: 'GW-0010',
    description: `Rate limit exceeded [Request ID: ${supportId().slice(13, -1)}]`,
  };
}

export function invalidRequest(): ProtocolError {
  return { errorno: 'GW-0011', description: `Invalid Request [Request ID: ${supportId().slice(13, -1)}]` };
}

export const TEMPORARILY_UNAVAILABLE: ProtocolError = {
  errorno: 'PL04000050',
  description: 'System temporarily unavailable',
  description2: 'The Service is Temporarily Off-line',
  correction: 'Please Try Again Later',
};

/** Read failures: readByQuery reports them as `aborted` with `Query Failed` then XL03000009. */
export function queryFailed(description2: string): FunctionFailure {
  return new FunctionFailure(
    [
      {
        errorno: 'Query Failed',
        description: '',
        description2: `${description2} ${supportId()}`,
        correction: '',
      },
      ROLLED_BACK,
    ],
    'aborted',
  );
}

/** The `query` function fails with XL03000009 and an empty data element after the errors. */
export function queryFunctionFailed(object: string, description2: string): FunctionFailure {
  return new FunctionFailure(
    [
      {
        errorno: 'XL03000009',
        description: 'There was an error processing the function',
        description2: `${description2} ${supportId()}`,
        correction: '',
      },
    ],
    'failure',
    { listtype: object, totalcount: '0', offset: '0', count: '0', numremaining: '0' },
  );
}

export function badParameter(description2: string, correction = ''): FunctionFailure {
  return new FunctionFailure([{ errorno: 'BL01001973', description: '', description2, correction }]);
}

/** UNCONFIRMED: Intacct's answer to a repeated function controlid under uniqueid=true. */
export function duplicateControlId(controlId: string): ProtocolError {
  return {
    errorno: 'XL03000004',
    description: 'Duplicate control id',
    description2: `A function with control id '${controlId}' was already executed for this sender and company (uniqueid=true).`,
    correction: 'Use a new control id, or send uniqueid=false.',
  };
}

export function unknownFunction(name: string): ProtocolError {
  return {
    errorno: 'XL03000003',
    description: '',
    description2: `XML Parse schema error: Element '${name}': This element is not expected. ${supportId()}`,
    correction: '',
  };
}
