/**
 * The instant a request recorded by hand left: now when the day is today, otherwise noon UTC on the day entered, as
 * only the day counts for the periods it starts (Reg. 1182/71 Art. 3(1)). Null when the input is not a date.
 */
export function requestSentAt(day: string, nowMs: number): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const noon = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  // No rolling over: 2026-02-30 is not 2 March.
  if (Number.isNaN(noon) || new Date(noon).toISOString().slice(0, 10) !== day) return null;
  const today = new Date(nowMs);
  const isToday =
    today.getFullYear() === Number(match[1]) &&
    today.getMonth() + 1 === Number(match[2]) &&
    today.getDate() === Number(match[3]);
  return new Date(isToday ? nowMs : noon).toISOString();
}
