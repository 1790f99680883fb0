import { Cron } from 'croner';
import { z } from 'zod';
import { isValidTimeZone } from '../core/time.ts';
import { OBJECT_NAMES } from '../intacct/objects/index.ts';
import { FLOW_NAMES } from '../reverse/flows/index.ts';

/**
 * The commands a schedule may run. `sync`, `backfill` and `reconcile` are this CLI's; `run` and
 * `models build` come with the models runner and `push` with reverse ETL; `events poll` asks a feed
 * without webhooks (ADP) for what changed since its watermark and posts it through the events queue.
 */
export const SCHEDULE_COMMANDS = [
  'run',
  'sync',
  'backfill',
  'reconcile',
  'models build',
  'push',
  'events poll',
] as const;

/** Feeds `events poll` can ask (see src/events/poll.ts). */
export const POLL_SOURCES = ['adp'] as const;
export type ScheduleCommand = (typeof SCHEDULE_COMMANDS)[number];

/** Commands that read Intacct objects (and so take `objects` and `entities`). */
const OBJECT_COMMANDS: readonly ScheduleCommand[] = ['run', 'sync', 'backfill', 'reconcile'];

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** What a run due inside the maintenance window does: skip it, wait for the window's end, or run anyway. */
export const MAINTENANCE_ACTIONS = ['skip', 'delay', 'run'] as const;
export type MaintenanceAction = (typeof MAINTENANCE_ACTIONS)[number];

/**
 * Intacct publishes a weekly maintenance window of about four hours that varies by region. Sage's
 * DataSync documentation gives Saturday 02:30–05:30 UTC (shared/reference/peers.md [S1]); set your
 * region's window here.
 */
export const DEFAULT_MAINTENANCE_WINDOW = {
  weekday: 'saturday',
  start: '02:30',
  durationMinutes: 180,
  timezone: 'UTC',
} as const;

const window = z
  .object({
    weekday: z.enum(WEEKDAYS).describe('Day the window starts, in `timezone`.'),
    start: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24-hour)')
      .describe('Start time, HH:MM, in `timezone`.'),
    durationMinutes: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .describe('Length of the window.'),
    timezone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as UTC or Europe/London'),
  })
  .strict();

const maintenance = z
  .object({
    action: z
      .enum(MAINTENANCE_ACTIONS)
      .default('skip')
      .describe(
        'skip: drop a run due in the window; delay: run it when the window ends; run: ignore the window.',
      ),
    window: window.default({ ...DEFAULT_MAINTENANCE_WINDOW }),
  })
  .strict()
  .default({ action: 'skip', window: { ...DEFAULT_MAINTENANCE_WINDOW } });

const cron = z.string().superRefine((value, ctx) => {
  const fields = value.trim().split(/\s+/);
  if (fields.length !== 5) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a 5-field cron expression (minute hour day-of-month month day-of-week), as Kubernetes CronJobs take; got ${fields.length} fields`,
    });
    return;
  }
  try {
    new Cron(value, { paused: true, mode: '5-part' });
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `is not a valid cron expression: ${(error as Error).message}` });
  }
});

const objectName = z.string().refine((name) => OBJECT_NAMES.includes(name), {
  error: (issue) =>
    `unknown object ${JSON.stringify(issue.input)}; the catalog has ${OBJECT_NAMES.join(', ')}`,
});

const flowName = z.string().refine((name) => FLOW_NAMES.includes(name), {
  error: (issue) => `unknown flow ${JSON.stringify(issue.input)}; the flows are ${FLOW_NAMES.join(', ')}`,
});

/** One schedule: one file under schedules/. */
export const scheduleSchema = z
  .object({
    name: z
      .string()
      .regex(
        /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/,
        'must be lower-case letters, digits and dashes, at most 40 characters (it names the Kubernetes CronJob, whose name Kubernetes caps at 52)',
      )
      .describe('Unique name; also the CronJob name.'),
    description: z.string().optional(),
    cron: cron.describe('When to run: a 5-field cron expression.'),
    timezone: z
      .string()
      .refine(isValidTimeZone, 'must be an IANA time zone such as UTC or America/New_York')
      .default('UTC')
      .describe('Time zone the cron expression is read in.'),
    command: z.enum(SCHEDULE_COMMANDS).describe(`One of ${SCHEDULE_COMMANDS.join(', ')}.`),
    objects: z
      .array(objectName)
      .min(1)
      .optional()
      .describe('Objects to read (default: the config selection).'),
    flows: z.array(flowName).min(1).optional().describe('Reverse flows to push (default: every flow).'),
    entities: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('Entity ids (default: the config selection).'),
    backfillDays: z.coerce
      .number()
      .int()
      .min(1)
      .optional()
      .describe('For backfill: re-read the last N days, ending today.'),
    reconcile: z.boolean().optional().describe('For sync: also reconcile keys to find deletes.'),
    source: z
      .enum(POLL_SOURCES)
      .optional()
      .describe(`For events poll: the feed to poll (${POLL_SOURCES.join(', ')}).`),
    maintenance,
    enabled: z
      .boolean()
      .default(true)
      .describe('A disabled schedule validates but is neither served nor rendered.'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.objects && !OBJECT_COMMANDS.includes(s.command))
      ctx.addIssue({ code: 'custom', path: ['objects'], message: `${s.command} does not read objects` });
    if (s.flows && s.command !== 'push')
      ctx.addIssue({ code: 'custom', path: ['flows'], message: 'only push takes flows' });
    if (s.command === 'backfill' && s.backfillDays === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['backfillDays'],
        message: 'a backfill schedule needs backfillDays',
      });
    if (s.backfillDays !== undefined && s.command !== 'backfill')
      ctx.addIssue({ code: 'custom', path: ['backfillDays'], message: 'only backfill takes backfillDays' });
    if (s.command === 'events poll' && s.source === undefined)
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'an events poll schedule needs source' });
    if (s.source !== undefined && s.command !== 'events poll')
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'only events poll takes source' });
    if (s.reconcile !== undefined && s.command !== 'sync')
      ctx.addIssue({ code: 'custom', path: ['reconcile'], message: 'only sync takes reconcile' });
  });

export type Schedule = z.infer<typeof scheduleSchema>;
export type MaintenanceWindow = Schedule['maintenance']['window'];
