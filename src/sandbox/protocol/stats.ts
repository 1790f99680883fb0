import type { GatewayStats } from './gateway.ts';

/** Counters the admin API reports: requests, functions, objects, entities, throttling, faults. */
export interface StatsSnapshot {
  readonly requests: number;
  readonly gatewayRequests: number;
  readonly byFunction: Record<string, number>;
  readonly byObject: Record<string, number>;
  readonly byEntity: Record<string, number>;
  readonly throttled: number;
  readonly faultsInjected: Record<string, number>;
  readonly inFlight: number;
  readonly maxInFlight: number;
  readonly sessions: number;
  readonly cursors: number;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

const sorted = (m: Map<string, number>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

/** The top level is reported under this name in byEntity. */
export const TOP_LEVEL_LABEL = '(top level)';

export class SandboxStats implements GatewayStats {
  requests = 0;
  gatewayRequests = 0;
  throttled = 0;
  inFlight = 0;
  maxInFlight = 0;
  private readonly functions = new Map<string, number>();
  private readonly objects = new Map<string, number>();
  private readonly entities = new Map<string, number>();

  onFunction(name: string): void {
    bump(this.functions, name);
  }

  onObject(name: string): void {
    if (name) bump(this.objects, name);
  }

  onEntity(entityId: string | null): void {
    bump(this.entities, entityId === null || entityId === '' ? TOP_LEVEL_LABEL : entityId);
  }

  enter(): void {
    this.inFlight++;
    if (this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
  }

  leave(): void {
    this.inFlight--;
  }

  reset(): void {
    this.requests = 0;
    this.gatewayRequests = 0;
    this.throttled = 0;
    this.maxInFlight = this.inFlight;
    this.functions.clear();
    this.objects.clear();
    this.entities.clear();
  }

  snapshot(extra: {
    faultsInjected: Record<string, number>;
    sessions: number;
    cursors: number;
  }): StatsSnapshot {
    return {
      requests: this.requests,
      gatewayRequests: this.gatewayRequests,
      byFunction: sorted(this.functions),
      byObject: sorted(this.objects),
      byEntity: sorted(this.entities),
      throttled: this.throttled,
      faultsInjected: extra.faultsInjected,
      inFlight: this.inFlight,
      maxInFlight: this.maxInFlight,
      sessions: extra.sessions,
      cursors: extra.cursors,
    };
  }
}
