/**
 * DuckDB failures classified once, here. DuckDB prefixes every message with its error type
 * ("Catalog Error: ..."); that type becomes the vendor code.
 */
import { ClassifiedError, type ErrorKind } from '../../core/errors.ts';

const TYPE_PATTERN = /^([A-Za-z ]+?) Error:/;

export function duckdbErrorType(message: string): string {
  return TYPE_PATTERN.exec(message)?.[1]?.trim() ?? 'Unknown';
}

function kindFor(type: string, message: string): { kind: ErrorKind; fix?: string } {
  if (/Could not set lock on file/i.test(message)) {
    return {
      kind: 'terminal',
      fix: 'Another process has this DuckDB file open (a sync still running, or a DuckDB shell); wait for it or close it',
    };
  }
  // The database file cannot be opened or created where it was asked for: waiting will not fix that.
  if (
    /Cannot open (database|file)|Could not read from file|Failed to create directory/i.test(message) &&
    /permission denied|read-only file system|no such file or directory|not a directory|is a directory/i.test(
      message,
    )
  ) {
    return {
      kind: 'terminal',
      fix: 'Check warehouse.path: its directory must exist and be writable by this process, and the path must name a file, not a directory',
    };
  }
  // Optimistic concurrency: another transaction wrote the same rows first; retrying is right.
  if (/conflict/i.test(message) && /transaction/i.test(type + message)) return { kind: 'transient' };
  if (type === 'IO' || type === 'Interrupt') return { kind: 'transient' };
  if (type === 'Out of Memory') {
    return { kind: 'terminal', fix: "Lower the batch size or raise DuckDB's memory_limit" };
  }
  return { kind: 'terminal' };
}

export function classifyDuckDBError(error: unknown, sqlText?: string): ClassifiedError {
  if (error instanceof ClassifiedError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const type = duckdbErrorType(message);
  const { kind, fix } = kindFor(type, message);
  const statement = sqlText === undefined ? '' : ` [${sqlText.replace(/\s+/g, ' ').trim().slice(0, 160)}]`;
  return new ClassifiedError(`DuckDB: ${message}${statement}`, {
    kind,
    level: 'warehouse',
    vendor: [{ code: type, description: message }],
    ...(fix === undefined ? {} : { fix }),
    cause: error,
  });
}
