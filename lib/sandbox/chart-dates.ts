/**
 * The anchor day every generated history is counted back from, and the date strings derived from it.
 * Module state on purpose: the generator sets the anchor once per dataset, and every Chart reads it.
 */
const DAY_MS = 86_400_000;
let ANCHOR_UTC = Date.UTC(2026, 10, 15);

/**
 * Sets the day the generated histories are counted back from. The sandbox uses the day it starts, so a
 * demo's "current" medications stay current; a fixed anchor gives byte-identical data for a seed.
 */
export function setAnchorDate(isoDate: string): void {
  const t = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t)) throw new Error(`invalid anchor date: ${isoDate}`);
  ANCHOR_UTC = t;
}

/** A date-time `daysAgo` days before the anchor, at a clinic-hours time, in Thai time. */
export function dateTimeDaysAgo(daysAgo: number, minuteOfDay = 9 * 60): string {
  const d = new Date(ANCHOR_UTC - Math.round(daysAgo) * DAY_MS);
  const hh = String(Math.floor(minuteOfDay / 60) % 24).padStart(2, '0');
  const mi = String(minuteOfDay % 60).padStart(2, '0');
  return `${d.toISOString().slice(0, 10)}T${hh}:${mi}:00+07:00`;
}

export function dateDaysAgo(daysAgo: number): string {
  return new Date(ANCHOR_UTC - Math.round(daysAgo) * DAY_MS).toISOString().slice(0, 10);
}
