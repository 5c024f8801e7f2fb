/**
 * An iCalendar (RFC 5545) file of timed events: VCALENDAR/VEVENT, CRLF line ends, lines folded at 75 octets
 * without splitting a UTF-8 character, TEXT values escaped. Pure: the caller supplies every string and the clock.
 */

export type IcsEvent = {
  /** Globally unique and stable: the same event exported twice must replace itself in the calendar, not repeat. */
  readonly uid: string;
  /** When the event happens: a whole day (`YYYY-MM-DD`) or an instant (written in UTC with `Z`). */
  readonly start: { readonly date: string } | { readonly instantMs: number };
  readonly summary: string;
  readonly description?: string;
};

export type IcsCalendar = {
  /** PRODID, e.g. `-//Casebridge//Deadlines//EN`. */
  readonly productId: string;
  /** DTSTAMP of every event: when this file was made. */
  readonly stampMs: number;
  readonly events: readonly IcsEvent[];
};

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeIcsText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds one content line (RFC 5545 §3.1): no line longer than 75 octets, continuation lines start with one space
 * (which counts towards their 75). Cuts fall between characters, never inside a UTF-8 sequence.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `20261201T093000Z`: date-time in UTC (RFC 5545 §3.3.5, form 2). */
export function icsUtcDateTime(instantMs: number): string {
  const d = new Date(instantMs);
  if (Number.isNaN(d.getTime())) throw new RangeError('Not a valid instant.');
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

function icsDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new RangeError(`Not a calendar date: ${date}`);
  return `${match[1]}${match[2]}${match[3]}`;
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  const start =
    'date' in event.start
      ? `DTSTART;VALUE=DATE:${icsDate(event.start.date)}`
      : `DTSTART:${icsUtcDateTime(event.start.instantMs)}`;
  return [
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    start,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    ...(event.description === undefined ? [] : [`DESCRIPTION:${escapeIcsText(event.description)}`]),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** The whole `.ics` file as text (encode it as UTF-8). */
export function buildIcsCalendar(calendar: IcsCalendar): string {
  const stamp = icsUtcDateTime(calendar.stampMs);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${calendar.productId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...calendar.events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
