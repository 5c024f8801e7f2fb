import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { caseSide } from '@shared/domain/case-side';
import { retentionRuleFor } from '@shared/procedures/retention-guidance';
import { Field } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useMayTake } from './ActionGate';
import { useCaseAction } from './useCaseAction';

/** End of the day entered, UTC: the data is kept through that day and purged after it. */
const endOfDay = (value: string): string | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

/**
 * How long this office keeps a case it received from another office: its own purge date and basis (the issuing
 * office sets its own in the draft). Without it the case cannot be purged.
 */
export function RetentionPanel({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  const maySet = useMayTake(c, 'set-retention');
  const set = useCaseAction(c.id);
  const [day, setDay] = useState('');
  const [basis, setBasis] = useState(c.retention.basis);
  if (caseSide(c) === 'issuing') return null;
  const purgeAt = endOfDay(day);
  return (
    <section aria-labelledby="retention-title" className="panel" data-testid="retention">
      <h2 id="retention-title">{t('incoming.retention')}</h2>
      <p>
        {c.retention.purgeAt
          ? t('incoming.retentionUntil', { date: date(c.retention.purgeAt), basis: c.retention.basis })
          : t('incoming.retentionNotSet')}
      </p>
      {maySet ? (
        <>
          <p className="field__help">
            {t('incoming.retentionHelp')} {t(`retention.guidance.${retentionRuleFor(c.procedure.id)}`)}
          </p>
          <Field kind="date" label={t('incoming.purgeAt')} required value={day} onChange={setDay} />
          <Field label={t('incoming.retentionBasis')} required value={basis} onChange={setBasis} />
          <MessageList title={t('case.notDone')} messages={set.messages} />
          <Button
            className="button button--quiet"
            isDisabled={set.busy || purgeAt === null}
            onPress={() => {
              if (purgeAt) void set.run({ type: 'set-retention', purgeAt, basis });
            }}
          >
            {t('incoming.setRetention')}
          </Button>
        </>
      ) : null}
    </section>
  );
}
