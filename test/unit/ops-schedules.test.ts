import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { inMaintenance, maintenanceRemainingMs } from '../../src/ops/maintenance.ts';
import { nextRuns } from '../../src/ops/next-runs.ts';
import { invocationFor } from '../../src/ops/schedule-command.ts';
import { type Schedule, scheduleSchema } from '../../src/ops/schedule-schema.ts';
import { loadSchedules, parseScheduleFile } from '../../src/ops/schedules-load.ts';
import { Capture } from '../support/capture.ts';

const schedule = (fields: Record<string, unknown>): Schedule =>
  scheduleSchema.parse({ name: 'test', cron: '0 * * * *', command: 'sync', ...fields });

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'intacct-elt-schedules-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('schedule files', () => {
  it('reports every problem with its file and line', () => {
    const text = [
      'name: gl-hourly', // 1
      'cron: "5 * * *"', // 2
      'command: sync', // 3
      'objects:', // 4
      '  - GLDETAIL', // 5
      '  - GLDETAILS', // 6
      'maintenance:', // 7
      '  action: pause', // 8
      'owner: finance', // 9
    ].join('\n');
    const { schedule: parsed, problems } = parseScheduleFile('schedules/gl-hourly.yaml', text);
    expect(parsed).toBeUndefined();
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p]));
    expect(byPath.cron?.source).toBe('schedules/gl-hourly.yaml:2');
    expect(byPath.cron?.message).toMatch(/5-field cron/);
    expect(byPath['objects.1']?.source).toBe('schedules/gl-hourly.yaml:6');
    expect(byPath['objects.1']?.message).toMatch(/unknown object "GLDETAILS"/);
    expect(byPath['maintenance.action']?.source).toBe('schedules/gl-hourly.yaml:8');
    expect(problems.find((p) => /unknown key: owner/.test(p.message))?.source).toMatch(/gl-hourly.yaml:1/);
  });

  it('refuses unknown flows (the reverse-flow registry has none yet), misplaced fields and bad cron', () => {
    const flows = parseScheduleFile(
      'f.yaml',
      'name: p\ncron: "0 * * * *"\ncommand: push\nflows: [crm_customers]\n',
    );
    expect(flows.problems[0]).toMatchObject({ path: 'flows.0', source: 'f.yaml:4' });
    expect(flows.problems[0]?.message).toMatch(/unknown flow "crm_customers"/);
    const misplaced = parseScheduleFile(
      'm.yaml',
      'name: m\ncron: "0 * * * *"\ncommand: models build\nobjects: [GLDETAIL]\n',
    );
    expect(misplaced.problems.map((p) => p.message)).toEqual(['models build does not read objects']);
    const backfill = parseScheduleFile('b.yaml', 'name: b\ncron: "0 6 * * 0"\ncommand: backfill\n');
    expect(backfill.problems.map((p) => p.message)).toEqual(['a backfill schedule needs backfillDays']);
    const cron = parseScheduleFile('c.yaml', 'name: c\ncron: "61 * * * *"\ncommand: sync\n');
    expect(cron.problems[0]?.message).toMatch(/not a valid cron expression/);
    const zone = parseScheduleFile(
      'z.yaml',
      'name: z\ncron: "0 * * * *"\ncommand: sync\ntimezone: Mars/Base\n',
    );
    expect(zone.problems[0]).toMatchObject({ path: 'timezone', source: 'z.yaml:4' });
  });

  it('refuses duplicate names across files and a missing folder', () => {
    const dir = folder({
      'a.yaml': 'name: same\ncron: "0 * * * *"\ncommand: sync\n',
      'b.yaml': 'name: same\ncron: "0 1 * * *"\ncommand: reconcile\n',
    });
    expect(() => loadSchedules(dir)).toThrow(/names must be unique/);
    expect(() => loadSchedules(join(dir, 'nope'))).toThrow(ConfigError);
  });

  it('`schedules validate` exits 2 and names the file and line of a bad schedule', async () => {
    const dir = folder({
      'good.yaml': 'name: good\ncron: "0 * * * *"\ncommand: sync\n',
      'bad.yaml': 'name: bad\ncron: "0 * * * *"\ncommand: sync\nobjects:\n  - NOPE\n',
    });
    const stderr = new Capture();
    const stdout = new Capture();
    const code = await main(['schedules', 'validate', '--schedules', dir], {
      stdout,
      stderr,
      env: {},
      cwd: dir,
    });
    expect(code).toBe(2);
    expect(stderr.text).toMatch(/objects\.0: unknown object "NOPE".*\[from .*bad\.yaml:5\]/);
    const ok = new Capture();
    const good = folder({ 'good.yaml': 'name: good\ncron: "0 * * * *"\ncommand: sync\n' });
    expect(
      await main(['schedules', 'validate', '--schedules', good], { stdout: ok, stderr, env: {}, cwd: good }),
    ).toBe(0);
    expect(ok.text).toMatch(/1 schedule valid: good/);
  });

  it('every bundled schedule names a command this build has, sub-actions such as `events poll` included', async () => {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await main(['schedules', 'validate', '--json'], {
      stdout,
      stderr,
      env: {},
      cwd: process.cwd(),
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout.text) as { valid: { name: string }[]; unavailableCommands: string[] };
    expect(report.valid.map((v) => v.name)).toContain('adp-poll');
    expect(report.unavailableCommands).toEqual([]);
  });
});

describe('maintenance window', () => {
  const window = { weekday: 'saturday', start: '02:30', durationMinutes: 180, timezone: 'UTC' } as const;

  it('is inside from the start to the end of the window, every week', () => {
    // 2026-12-05 is a Saturday.
    expect(inMaintenance(new Date('2026-12-05T02:29:59Z'), window)).toBe(false);
    expect(inMaintenance(new Date('2026-12-05T02:30:00Z'), window)).toBe(true);
    expect(maintenanceRemainingMs(new Date('2026-12-05T04:00:00Z'), window)).toBe(90 * 60_000);
    expect(inMaintenance(new Date('2026-12-05T05:30:00Z'), window)).toBe(false);
    expect(inMaintenance(new Date('2026-12-12T03:00:00Z'), window)).toBe(true);
    expect(inMaintenance(new Date('2026-12-06T03:00:00Z'), window)).toBe(false);
  });

  it('wraps past Saturday midnight and follows its own time zone', () => {
    const late = {
      weekday: 'saturday',
      start: '23:00',
      durationMinutes: 240,
      timezone: 'America/Los_Angeles',
    } as const;
    // Saturday 23:30 in Los Angeles (PST, UTC-8) is Sunday 07:30 UTC; Sunday 02:59 local is inside too.
    expect(inMaintenance(new Date('2026-12-06T07:30:00Z'), late)).toBe(true);
    expect(inMaintenance(new Date('2026-12-06T10:59:00Z'), late)).toBe(true);
    expect(inMaintenance(new Date('2026-12-06T11:00:00Z'), late)).toBe(false);
  });
});

describe('next runs', () => {
  it('skips, delays or keeps runs due inside the window', () => {
    const from = new Date('2026-12-05T01:30:00Z');
    const skip = nextRuns(schedule({ cron: '0 * * * *' }), from, 5);
    expect(skip.map((r) => [r.due.toISOString().slice(11, 16), r.maintenance])).toEqual([
      ['02:00', 'clear'],
      ['03:00', 'skipped'],
      ['04:00', 'skipped'],
      ['05:00', 'skipped'],
      ['06:00', 'clear'],
    ]);
    const delayed = nextRuns(schedule({ cron: '0 4 * * *', maintenance: { action: 'delay' } }), from, 1)[0];
    expect(delayed?.startsAt?.toISOString()).toBe('2026-12-05T05:30:00.000Z');
    const anyway = nextRuns(schedule({ cron: '0 4 * * *', maintenance: { action: 'run' } }), from, 1)[0];
    expect(anyway).toMatchObject({ maintenance: 'run-anyway' });
    expect(anyway?.startsAt?.toISOString()).toBe('2026-12-05T04:00:00.000Z');
  });

  it('reads the cron expression in the schedule time zone, across a DST change', () => {
    const s = schedule({ cron: '0 9 * * 1-5', timezone: 'America/New_York' });
    const runs = nextRuns(s, new Date('2026-10-30T00:00:00Z'), 2).map((r) => r.due.toISOString());
    // Friday 9:00 EDT (UTC-4), then Monday 9:00 EST (UTC-5) after the change on 1 November.
    expect(runs).toEqual(['2026-10-30T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });
});

describe('what a schedule runs', () => {
  it('maps a schedule to CLI arguments, a backfill window ending today, and entities', () => {
    expect(
      invocationFor(
        schedule({ objects: ['GLDETAIL', 'GLBATCH'], reconcile: true, entities: ['US1', 'UK1'] }),
        '2026-12-02',
      ),
    ).toEqual({
      argv: ['sync', '--objects', 'GLDETAIL,GLBATCH', '--reconcile'],
      env: { INTACCT_ENTITIES: 'US1,UK1' },
    });
    expect(
      invocationFor(
        schedule({ command: 'backfill', backfillDays: 35, objects: ['GLDETAIL'] }),
        '2026-03-02',
        '/etc/c.yaml',
      ).argv,
    ).toEqual([
      'backfill',
      '--from',
      '2026-01-27',
      '--to',
      '2026-03-02',
      '--objects',
      'GLDETAIL',
      '--config',
      '/etc/c.yaml',
    ]);
    expect(invocationFor(schedule({ command: 'models build' }), '2026-12-02').argv).toEqual([
      'models',
      'build',
    ]);
  });

  it('an events poll schedule names its feed, which becomes --source', () => {
    expect(invocationFor(schedule({ command: 'events poll', source: 'adp' }), '2026-12-02').argv).toEqual([
      'events',
      'poll',
      '--source',
      'adp',
    ]);
    const missing = scheduleSchema.safeParse({ name: 't', cron: '0 * * * *', command: 'events poll' });
    expect(missing.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['source', 'an events poll schedule needs source'],
    ]);
    const misplaced = scheduleSchema.safeParse({
      name: 't',
      cron: '0 * * * *',
      command: 'sync',
      source: 'adp',
    });
    expect(misplaced.error?.issues.map((i) => i.message)).toEqual(['only events poll takes source']);
  });
});
