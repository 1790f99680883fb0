import { wallTime } from '../core/time.ts';
import { type MaintenanceWindow, WEEKDAYS } from './schedule-schema.ts';

const WEEK_MINUTES = 7 * 24 * 60;

/** Minutes since Sunday 00:00 of the instant's wall-clock week in `timeZone`. */
function minuteOfWeek(at: Date, timeZone: string): number {
  const w = wallTime(at.getTime(), timeZone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return weekday * 24 * 60 + w.hour * 60 + w.minute + w.second / 60;
}

/**
 * How long until the maintenance window ends, in milliseconds, when `at` falls inside it; 0
 * otherwise. The window repeats weekly in its own time zone and may wrap past Saturday midnight.
 */
export function maintenanceRemainingMs(at: Date, window: MaintenanceWindow): number {
  const [h, m] = window.start.split(':').map(Number) as [number, number];
  const start = WEEKDAYS.indexOf(window.weekday) * 24 * 60 + h * 60 + m;
  const now = minuteOfWeek(at, window.timezone);
  const into = (now - start + WEEK_MINUTES) % WEEK_MINUTES;
  if (into >= window.durationMinutes) return 0;
  return Math.ceil((window.durationMinutes - into) * 60_000);
}

export function inMaintenance(at: Date, window: MaintenanceWindow): boolean {
  return maintenanceRemainingMs(at, window) > 0;
}
