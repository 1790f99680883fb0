/**
 * Access control of the gateway: read-only unless a write tool is enabled by configuration, and
 * an allow-list of entities every tool answers within.
 */
import { ClassifiedError } from '../core/errors.ts';

export class AccessDenied extends ClassifiedError {
  constructor(message: string, fix: string) {
    super(message, { kind: 'terminal', level: 'local', fix });
    this.name = 'AccessDenied';
  }
}

export class AccessPolicy {
  /** null: every entity. */
  readonly entities: readonly string[] | null;
  readonly writes: ReadonlySet<string>;

  constructor(options: { entities: readonly string[]; writes: readonly string[] }) {
    this.entities = options.entities.length === 0 ? null : [...options.entities];
    this.writes = new Set(options.writes);
  }

  assertEntity(entity: string): void {
    if (this.entities !== null && !this.entities.includes(entity)) {
      throw new AccessDenied(
        `entity ${JSON.stringify(entity)} is outside this gateway's allow-list (${this.entities.join(', ')})`,
        'ask about an allowed entity, or add it to mcp.entities in the configuration',
      );
    }
  }

  assertWrite(tool: string): void {
    if (!this.writes.has(tool)) {
      throw new AccessDenied(
        `writes are disabled for ${tool}: the gateway is read-only unless a tool's writes are enabled`,
        `add ${tool} to mcp.writes in the configuration and restart the server`,
      );
    }
  }
}
