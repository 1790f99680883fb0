import { request } from 'undici';
import type { ALERT_KINDS, JobConfig } from '../config/schema.ts';
import { ClassifiedError, errorMessage } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { registerSecret } from '../core/redact.ts';
import { type RetryPolicy, retry } from '../core/retry.ts';

export type AlertKind = (typeof ALERT_KINDS)[number];

/** One alert, before it becomes a webhook body. */
export interface Alert {
  readonly kind: AlertKind;
  /** One line: what happened. */
  readonly title: string;
  /** Details, one per line (at most 20 are sent). */
  readonly lines: readonly string[];
}

const ICONS: Readonly<Record<AlertKind, string>> = {
  'run-failure': ':rotating_light:',
  'data-test-failure': ':warning:',
  'reverse-rejected': ':no_entry:',
  'stale-objects': ':hourglass:',
};

const MAX_LINES = 20;

/**
 * The webhook body: Slack's incoming-webhook shape (`text` as the fallback and notification text,
 * plus `blocks`), which Slack-compatible receivers (Mattermost, Rocket.Chat, Teams workflows)
 * also read.
 */
export function alertPayload(alert: Alert, source = 'intacct-elt'): Record<string, unknown> {
  const shown = alert.lines.slice(0, MAX_LINES);
  const more = alert.lines.length - shown.length;
  const body = [...shown, ...(more > 0 ? [`… and ${more} more`] : [])].join('\n');
  const text = `${ICONS[alert.kind]} ${source}: ${alert.title}`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${text}*` } },
      ...(body ? [{ type: 'section', text: { type: 'mrkdwn', text: `\`\`\`${body}\`\`\`` } }] : []),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `kind: ${alert.kind}` }] },
    ],
  };
}

export interface AlerterOptions {
  readonly config: JobConfig['alerts'];
  readonly logger: Logger;
  /** Backoff between attempts (tests shorten it). */
  readonly policy?: Partial<RetryPolicy>;
}

/**
 * Sends alerts to the configured webhook. Never throws: an alert that cannot be delivered is
 * logged (without its URL, which is a secret: it carries the webhook's token) and the run goes on.
 */
export class Alerter {
  private readonly url: string | undefined;
  constructor(private readonly options: AlerterOptions) {
    this.url = options.config.webhookUrl;
    registerSecret(this.url);
  }

  get enabled(): boolean {
    return this.url !== undefined;
  }

  wants(kind: AlertKind): boolean {
    return this.url !== undefined && this.options.config.on.includes(kind);
  }

  /** Posts the alert; returns whether it was delivered. */
  async send(alert: Alert): Promise<boolean> {
    const url = this.url;
    if (url === undefined || !this.wants(alert.kind)) return false;
    const body = JSON.stringify(alertPayload(alert));
    const timeout = this.options.config.timeoutSeconds * 1000;
    const log = this.options.logger.child({ component: 'alerts', alert: alert.kind });
    try {
      await retry(
        async () => {
          let status: number;
          try {
            const response = await request(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body,
              headersTimeout: timeout,
              bodyTimeout: timeout,
            });
            status = response.statusCode;
            await response.body.dump();
          } catch (error) {
            // Network errors may quote the URL; keep only their code.
            const code = (error as { code?: string }).code ?? 'network error';
            throw new ClassifiedError(`alert webhook unreachable (${code})`, {
              kind: 'transient',
              level: 'network',
            });
          }
          if (status >= 200 && status < 300) return;
          throw new ClassifiedError(`alert webhook answered HTTP ${status}`, {
            kind: status === 429 ? 'throttled' : status >= 500 ? 'transient' : 'terminal',
            level: 'http',
            httpStatus: status,
          });
        },
        {
          policy: {
            maxAttempts: this.options.config.retries + 1,
            baseDelayMs: 500,
            maxDelayMs: 10_000,
            maxTotalMs: 60_000,
            ...this.options.policy,
          },
          onRetry: (error, attempt, delayMs) =>
            log.warn('alert webhook failed; retrying', { attempt, delayMs, error: error.message }),
        },
      );
      log.info('alert sent', { title: alert.title });
      return true;
    } catch (error) {
      log.error('alert could not be delivered', { error: errorMessage(error) });
      return false;
    }
  }
}

/** A run that failed or finished with failures. */
export function runFailureAlert(run: {
  readonly command: string;
  readonly loadId?: string | undefined;
  readonly status: string;
  readonly errors: readonly { readonly object: string; readonly entity: string; readonly message: string }[];
}): Alert {
  return {
    kind: 'run-failure',
    title: `${run.command} ${run.status}${run.loadId ? ` (load ${run.loadId})` : ''}`,
    lines: run.errors.map((e) =>
      e.object === '*' ? e.message : `${e.object}${e.entity ? ` @ ${e.entity}` : ''}: ${e.message}`,
    ),
  };
}

/** For the models runner: data tests that failed after a build. */
export function dataTestFailureAlert(
  failures: readonly {
    readonly test: string;
    readonly model: string;
    readonly failingRows: number;
  }[],
): Alert {
  return {
    kind: 'data-test-failure',
    title: `${failures.length} data test${failures.length === 1 ? '' : 's'} failed`,
    lines: failures.map(
      (f) => `${f.model}: ${f.test} (${f.failingRows} failing row${f.failingRows === 1 ? '' : 's'})`,
    ),
  };
}

/** For reverse ETL: records Intacct or validation rejected in one push. */
export function reverseRejectedAlert(
  flow: string,
  rejected: readonly { readonly externalKey: string; readonly entity: string; readonly reason: string }[],
): Alert {
  return {
    kind: 'reverse-rejected',
    title: `${rejected.length} record${rejected.length === 1 ? '' : 's'} rejected by flow ${flow}`,
    lines: rejected.map((r) => `${r.externalKey}${r.entity ? ` @ ${r.entity}` : ''}: ${r.reason}`),
  };
}

/** Objects whose last load is older than their freshness threshold. */
export function staleObjectsAlert(
  stale: readonly {
    readonly object: string;
    readonly entity: string;
    readonly age: string;
    readonly maxAge: string;
  }[],
): Alert {
  return {
    kind: 'stale-objects',
    title: `${stale.length} object${stale.length === 1 ? ' is' : 's are'} stale`,
    lines: stale.map(
      (s) =>
        `${s.object}${s.entity ? ` @ ${s.entity}` : ''}: last loaded ${s.age} ago (threshold ${s.maxAge})`,
    ),
  };
}
