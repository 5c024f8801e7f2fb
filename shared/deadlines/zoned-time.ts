import { addDays, type CivilDate } from './civil-date';

/**
 * Wall-clock conversions through Intl, so day boundaries follow each jurisdiction's IANA zone (and its DST rules)
 * while everything stored stays a UTC instant.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export type WallClock = CivilDate & { readonly hour: number; readonly minute: number; readonly second: number };

export function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

export const localDateAt = (instantMs: number, timeZone: string): CivilDate => {
  const { year, month, day } = wallClockAt(instantMs, timeZone);
  return { year, month, day };
};

/** The zone's offset from UTC at an instant, in ms (CEST = +7,200,000). */
export function offsetAt(instantMs: number, timeZone: string): number {
  const w = wallClockAt(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

/**
 * The first instant of a local day. Where a zone skips midnight (some zones change clocks at 00:00), this is the
 * first instant that exists on that day.
 */
export function startOfLocalDay(date: CivilDate, timeZone: string): number {
  const wallMidnight = Date.UTC(date.year, date.month - 1, date.day);
  // Try the offsets in force half a day before and after; on a DST day they differ. The earliest candidate that
  // falls on the wanted local date is its first instant (in a gap at midnight, that is the moment clocks jump).
  const candidates = [offsetAt(wallMidnight - 43_200_000, timeZone), offsetAt(wallMidnight + 43_200_000, timeZone)]
    .map((offset) => wallMidnight - offset)
    .sort((x, y) => x - y);
  for (const candidate of candidates) {
    const seen = localDateAt(candidate, timeZone);
    if (seen.year === date.year && seen.month === date.month && seen.day === date.day) return candidate;
  }
  return candidates[candidates.length - 1] ?? wallMidnight;
}

/** The last millisecond of a local day: a period "ends with the expiry of the last hour" of that day. */
export const endOfLocalDay = (date: CivilDate, timeZone: string): number =>
  startOfLocalDay(addDays(date, 1), timeZone) - 1;
