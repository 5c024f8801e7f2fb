import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIcsCalendar, escapeIcsText, foldIcsLine, icsUtcDateTime } from '@shared/calendar/ics-calendar';

const octets = (s: string) => new TextEncoder().encode(s).length;
const unfold = (s: string) => s.replace(/\r\n /g, '');

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('leaves a short line alone', () => {
    expect(foldIcsLine('SUMMARY:DE-BFDI-2026-0042')).toBe('SUMMARY:DE-BFDI-2026-0042');
  });

  it('folds a long ASCII line at 75 octets, continuation lines starting with one space', () => {
    const line = `SUMMARY:${'x'.repeat(200)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.every((p) => octets(p) <= 75)).toBe(true);
    expect(octets(parts[0] ?? '')).toBe(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a multi-byte UTF-8 character across a fold', () => {
    // 'é' is 2 octets, '€' 3, '𝄞' 4: the 75-octet boundary falls inside one of them at some offset.
    for (const char of ['é', '€', '𝄞']) {
      for (let lead = 0; lead < 4; lead++) {
        const line = `SUMMARY:${'a'.repeat(lead)}${char.repeat(60)}`;
        const parts = foldIcsLine(line).split('\r\n');
        for (const part of parts) {
          expect(octets(part)).toBeLessThanOrEqual(75);
          // Each part is valid UTF-8 by itself: decoding it strictly does not throw and re-encodes identically.
          const bytes = new TextEncoder().encode(part);
          expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(part);
        }
        expect(unfold(parts.join('\r\n'))).toBe(line);
      }
    }
  });

  it('folds any text so that unfolding gives it back and no line exceeds 75 octets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const line = `DESCRIPTION:${escapeIcsText(text)}`;
        const folded = foldIcsLine(line);
        expect(unfold(folded)).toBe(line);
        expect(folded.split('\r\n').every((p) => octets(p) <= 75)).toBe(true);
      }),
    );
  });

  it('writes instants in UTC with Z', () => {
    expect(icsUtcDateTime(Date.UTC(2026, 11, 1, 9, 5, 7))).toBe('20261201T090507Z');
    expect(() => icsUtcDateTime(Number.NaN)).toThrow(RangeError);
  });
});

describe('an iCalendar file', () => {
  const stampMs = Date.UTC(2026, 11, 1, 8, 0, 0);
  const text = buildIcsCalendar({
    productId: '-//Casebridge//Deadlines//EN',
    stampMs,
    events: [
      {
        uid: 'c1.d1@casebridge',
        start: { instantMs: Date.UTC(2026, 11, 3, 22, 59, 59) },
        summary: 'DE-1 — Answer, now',
      },
      { uid: 'c2.d1@casebridge', start: { date: '2026-12-24' }, summary: 'DE-2; x\\y' },
    ],
  });

  it('is a VCALENDAR of VEVENTs with CRLF line ends only', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Casebridge//Deadlines//EN\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text.match(/END:VEVENT/g)).toHaveLength(2);
  });

  it('gives each event its UID, the stamp, a UTC or all-day start and an escaped summary', () => {
    const lines = unfold(text).split('\r\n');
    expect(lines).toContain('UID:c1.d1@casebridge');
    expect(lines.filter((l) => l === 'DTSTAMP:20261201T080000Z')).toHaveLength(2);
    expect(lines).toContain('DTSTART:20261203T225959Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261224');
    expect(lines).toContain('SUMMARY:DE-1 — Answer\\, now');
    expect(lines).toContain('SUMMARY:DE-2\\; x\\\\y');
  });

  it('refuses a start that is not a calendar date', () => {
    expect(() =>
      buildIcsCalendar({
        productId: 'p',
        stampMs,
        events: [{ uid: 'u', start: { date: '24.12.2026' }, summary: 's' }],
      }),
    ).toThrow(RangeError);
  });
});
