import type { CorruptRecord } from '../../vault/corruption-report';
import { namedTable } from '../../vault/named-tables';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** "A case: it failed authentication…", in the reader's language; never the table name, the code or the English. */
export function corruptRecordText(t: Translate, record: Pick<CorruptRecord, 'table' | 'cause'>): string {
  const kind = namedTable(record.table) ?? 'other';
  return t('vault.corrupt.item', {
    kind: t(`vault.corrupt.tables.${kind}`),
    reason: t(`vault.corrupt.reasons.${record.cause.code}`),
  });
}
