import type { CorruptRecord } from '../../vault/corruption-report';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** Tables a person can recognise by name; any other is "a stored record" rather than its table name. */
const NAMED_TABLES = new Set([
  'profile',
  'settings',
  'cases',
  'people',
  'events',
  'attachments',
  'offices',
  'officeKeys',
  'bundleLedger',
  'persons',
  'personKeys',
]);

/** "A case: it failed authentication…", in the reader's language; never the table name, the code or the English. */
export function corruptRecordText(t: Translate, record: Pick<CorruptRecord, 'table' | 'cause'>): string {
  const kind = NAMED_TABLES.has(record.table) ? record.table : 'other';
  return t('vault.corrupt.item', {
    kind: t(`vault.corrupt.tables.${kind}`),
    reason: t(`vault.corrupt.reasons.${record.cause.code}`),
  });
}
