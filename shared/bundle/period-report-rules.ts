import type { AttachmentDescriptor, PayloadBody } from './bundle-payloads';

/** The one attachment of a period report is the office's signed oversight audit export, a canonical JSON file. */
export const PERIOD_REPORT_MEDIA_TYPE = 'application/json';

/**
 * Compares two instants of the body schemas (`YYYY-MM-DDTHH:MM:SS[.fraction]Z`, already checked by the schema)
 * exactly, fraction digits included: "…:00Z" and "…:00.000Z" are the same instant. Negative, zero or positive.
 */
export function compareInstants(a: string, b: string): number {
  const split = (instant: string) => {
    const fraction = /\.(\d+)Z$/.exec(instant)?.[1] ?? '';
    return { whole: instant.slice(0, 19), fraction };
  };
  const left = split(a);
  const right = split(b);
  if (left.whole !== right.whole) return left.whole < right.whole ? -1 : 1;
  const width = Math.max(left.fraction.length, right.fraction.length);
  const leftFraction = left.fraction.padEnd(width, '0');
  const rightFraction = right.fraction.padEnd(width, '0');
  return leftFraction === rightFraction ? 0 : leftFraction < rightFraction ? -1 : 1;
}

/**
 * What a period report must satisfy beyond its body schema (docs/bundle-format.md §7.2, rule 13.10), in this order:
 * its one attachment is JSON, its period is not empty, and no table lists a cell key twice. The header already
 * guarantees exactly one attachment (rule 3.9.10). Returns what is wrong, or undefined. The writer applies the same.
 */
export function periodReportProblem(
  body: PayloadBody<'period-report'>,
  attachments: readonly Pick<AttachmentDescriptor, 'mediaType'>[],
): string | undefined {
  if (attachments.length !== 1) return `it must carry exactly one attachment, not ${attachments.length}`;
  const mediaType = attachments[0]?.mediaType;
  if (mediaType !== PERIOD_REPORT_MEDIA_TYPE)
    return `its attachment must be the oversight audit export (${PERIOD_REPORT_MEDIA_TYPE}), not ${mediaType ?? 'nothing'}`;
  if (compareInstants(body.period.from, body.period.to) >= 0) return 'its period does not end after it starts';
  for (const [table, cells] of Object.entries(body.tables)) {
    const keys = new Set<string>();
    for (const cell of cells ?? []) {
      if (keys.has(cell.key)) return `table ${table} lists the key ${cell.key} twice`;
      keys.add(cell.key);
    }
  }
  return undefined;
}
