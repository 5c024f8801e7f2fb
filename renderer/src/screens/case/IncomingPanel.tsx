import { Fragment, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { useNow } from '../../cases/CasesProvider';
import { Field } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { toDateInputValue, useLocaleFormat } from '../../components/useLocaleFormat';
import { useMayTake } from './ActionGate';
import { useCaseAction } from './useCaseAction';

const STATEMENTS = ['necessity', 'proportionality', 'nonDiscrimination', 'minimisation'] as const;

/** Noon UTC on the day entered: only the day of receipt counts (Reg. 1182/71 Art. 3(1)); never after the import. */
function receiptDay(value: string, importedAt: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const noon = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  if (Number.isNaN(noon)) return null;
  const imported = Date.parse(importedAt);
  return new Date(value === importedAt.slice(0, 10) ? Math.min(noon, imported) : noon).toISOString();
}

/**
 * Where a case received from another office came from: the sending office and its reference, the covering note
 * as the sender wrote it, the issuer's threshold assessment (read-only: it is the issuer's, not this office's), and
 * the day of receipt its periods count from, which a person may set earlier than the
 * import (the stick waited in the post room) with a reason.
 */
export function IncomingPanel({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { date, dateTime } = useLocaleFormat();
  const now = useNow();
  const mayCorrect = useMayTake(c, 'correct-receipt');
  const correct = useCaseAction(c.id);
  const [day, setDay] = useState(() => toDateInputValue(now));
  const [reason, setReason] = useState('');
  const incoming = c.incoming;
  if (!incoming) return null;
  const receivedAt = receiptDay(day, incoming.importedAt);
  return (
    <section aria-labelledby="incoming-title" className="panel" data-testid="incoming">
      <h2 id="incoming-title">{t('incoming.heading')}</h2>
      <dl className="facts">
        <dt>{t('incoming.from')}</dt>
        <dd>
          {incoming.from.office} ({incoming.from.jurisdiction})
        </dd>
        <dt>{t('incoming.theirReference')}</dt>
        <dd className="mono" data-testid="their-reference">
          {incoming.from.reference}
        </dd>
        <dt>{t('incoming.receivedOn')}</dt>
        <dd data-testid="received-on">
          {date(incoming.receivedAt)}
          {incoming.receivedAt !== incoming.importedAt
            ? ` ${t('incoming.importedOn', { date: dateTime(incoming.importedAt) })}`
            : null}
        </dd>
      </dl>
      <h3>{t('incoming.coveringNote')}</h3>
      {incoming.coveringNote ? (
        <blockquote className="prewrap" data-testid="covering-note">
          {incoming.coveringNote}
        </blockquote>
      ) : (
        <p className="field__help">{t('incoming.noCoveringNote')}</p>
      )}
      <h3>{t('incoming.issuerAssessment')}</h3>
      <p className="field__help">{t('incoming.issuerAssessmentHelp')}</p>
      <dl className="facts" data-testid="issuer-assessment">
        {STATEMENTS.map((statement) => (
          <Fragment key={statement}>
            <dt>{t(`draft.statement.${statement}`)}</dt>
            <dd className="prewrap">{c.assessment[statement].trim() || t('incoming.notShared')}</dd>
          </Fragment>
        ))}
      </dl>
      {mayCorrect ? (
        <details className="form-group">
          <summary>{t('incoming.correctReceipt')}</summary>
          <p className="field__help">{t('incoming.correctReceiptHelp')}</p>
          <Field kind="date" label={t('incoming.receivedOnField')} required value={day} onChange={setDay} />
          <Field label={t('incoming.correctionReason')} required value={reason} onChange={setReason} />
          <MessageList title={t('case.notDone')} messages={correct.messages} />
          <Button
            className="button button--quiet"
            isDisabled={correct.busy || receivedAt === null}
            onPress={() => {
              if (receivedAt) void correct.run({ type: 'correct-receipt', receivedAt, reason });
            }}
          >
            {t('incoming.recordReceipt')}
          </Button>
        </details>
      ) : null}
    </section>
  );
}
