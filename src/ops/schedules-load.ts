import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import YAML, { LineCounter, isNode } from 'yaml';
import { ConfigError, type ConfigProblem } from '../core/errors.ts';
import { type Schedule, scheduleSchema } from './schedule-schema.ts';

/** The folder of schedules, relative to the working directory, unless `--schedules` says otherwise. */
export const DEFAULT_SCHEDULES_DIR = 'schedules';

export interface LoadedSchedule {
  readonly schedule: Schedule;
  /** The file it came from. */
  readonly file: string;
}

/** `file:line` of the YAML node at `path`, or of the nearest parent that exists. */
function locate(
  doc: YAML.Document,
  counter: LineCounter,
  file: string,
  path: readonly PropertyKey[],
): string {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) {
      const { line } = counter.linePos(node.range[0]);
      return `${file}:${line}`;
    }
  }
  return file;
}

/** Parses and validates one schedule file; problems name the file and line. */
export function parseScheduleFile(
  file: string,
  text: string,
): { schedule?: Schedule; problems: ConfigProblem[] } {
  const counter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        path: '',
        message: `cannot parse YAML: ${e.message.split('\n')[0]}`,
        source: `${file}:${e.linePos?.[0]?.line ?? 1}`,
      })),
    };
  }
  const parsed = scheduleSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { schedule: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message:
        issue.code === 'unrecognized_keys'
          ? `unknown key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`
          : issue.code === 'invalid_type' && issue.input === undefined
            ? 'is required'
            : issue.message,
      source: locate(doc, counter, file, issue.path),
    })),
  };
}

/**
 * Reads every `*.yaml`/`*.yml` file of the schedules folder, validates each one and checks that
 * names are unique. Throws one ConfigError listing every problem, each with its file and line.
 */
export function loadSchedules(dir: string, cwd = process.cwd()): LoadedSchedule[] {
  const folder = resolve(cwd, dir);
  if (!existsSync(folder)) {
    throw new ConfigError([
      { path: '', message: `schedules folder ${dir} does not exist`, source: '--schedules' },
    ]);
  }
  const files = readdirSync(folder)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const problems: ConfigProblem[] = [];
  const loaded: LoadedSchedule[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = join(dir, name);
    const result = parseScheduleFile(file, readFileSync(join(folder, name), 'utf8'));
    problems.push(...result.problems);
    if (!result.schedule) continue;
    const other = seen.get(result.schedule.name);
    if (other) {
      problems.push({
        path: 'name',
        message: `schedule name ${result.schedule.name} is also used by ${other}; names must be unique`,
        source: file,
      });
      continue;
    }
    seen.set(result.schedule.name, file);
    loaded.push({ schedule: result.schedule, file });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return loaded;
}
