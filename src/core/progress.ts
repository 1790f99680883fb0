import type { Logger } from './logger.ts';

export interface ProgressSnapshot {
  readonly label: string;
  readonly records: number;
  readonly pages: number;
  /** Expected total records when known (Intacct's totalcount), for the ETA. */
  readonly total: number | undefined;
  readonly elapsedMs: number;
  readonly ratePerSecond: number;
  readonly etaSeconds: number | undefined;
}

export interface ProgressOptions {
  readonly stream?: NodeJS.WritableStream & { isTTY?: boolean };
  readonly logger: Logger;
  /** Seconds between progress log lines when not on a TTY. */
  readonly logEverySeconds?: number;
  readonly now?: () => number;
}

/**
 * Progress of long work: a single redrawn line on a TTY, periodic log lines otherwise (container
 * runs), so a stuck backfill is visible either way.
 */
export class Progress {
  private readonly tasks = new Map<string, { records: number; pages: number; total: number | undefined }>();
  private readonly started: number;
  private lastLog: number;
  private readonly tty: boolean;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
    this.lastLog = this.started;
    this.tty = Boolean(options.stream?.isTTY);
  }

  /** Adds a page of `records` to the task `label`; `total` is the expected size when known. */
  tick(label: string, records: number, total?: number): void {
    const task = this.tasks.get(label) ?? { records: 0, pages: 0, total: undefined };
    task.records += records;
    task.pages += 1;
    if (total !== undefined) task.total = total;
    this.tasks.set(label, task);
    this.render();
  }

  snapshot(): ProgressSnapshot {
    let records = 0;
    let pages = 0;
    let total: number | undefined = 0;
    for (const t of this.tasks.values()) {
      records += t.records;
      pages += t.pages;
      total = total === undefined || t.total === undefined ? undefined : total + t.total;
    }
    const elapsedMs = Math.max(1, this.now() - this.started);
    const ratePerSecond = (records * 1000) / elapsedMs;
    const etaSeconds =
      total !== undefined && total > records && ratePerSecond > 0
        ? (total - records) / ratePerSecond
        : undefined;
    return {
      label: 'total',
      records,
      pages,
      total: total || undefined,
      elapsedMs,
      ratePerSecond,
      etaSeconds,
    };
  }

  private render(): void {
    const s = this.snapshot();
    const text = formatProgress(s, this.tasks.size);
    if (this.tty && this.options.stream) {
      this.options.stream.write(`\r\x1b[2K${text}`);
      return;
    }
    const every = (this.options.logEverySeconds ?? 15) * 1000;
    if (this.now() - this.lastLog >= every) {
      this.lastLog = this.now();
      this.options.logger.info('progress', {
        records: s.records,
        pages: s.pages,
        streams: this.tasks.size,
        rate: Math.round(s.ratePerSecond),
        eta_s: s.etaSeconds === undefined ? undefined : Math.round(s.etaSeconds),
      });
    }
  }

  /** Clears the TTY line. */
  done(): void {
    if (this.tty && this.options.stream) this.options.stream.write('\r\x1b[2K');
  }
}

export function formatProgress(s: ProgressSnapshot, streams: number): string {
  const eta = s.etaSeconds === undefined ? '' : `, ETA ${Math.ceil(s.etaSeconds)}s`;
  const of = s.total === undefined ? '' : ` of ~${s.total.toLocaleString('en-US')}`;
  return `${s.records.toLocaleString('en-US')}${of} records, ${s.pages} pages, ${streams} streams, ${Math.round(s.ratePerSecond).toLocaleString('en-US')} rec/s${eta}`;
}
