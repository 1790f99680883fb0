/**
 * The reverse-flow names a schedule may list under `flows`. The reverse-ETL flow registry
 * (src/reverse/flows/index.ts) does not exist yet; when it lands, replace this array by its names
 * (for example `export { FLOW_NAMES as REVERSE_FLOW_NAMES } from '../reverse/flows/index.ts'`).
 * Until then no flow name validates, so a schedule naming one fails at start rather than at run time.
 */
export const REVERSE_FLOW_NAMES: readonly string[] = [];
