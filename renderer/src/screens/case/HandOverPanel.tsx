import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { useCases } from '../../cases/CasesProvider';
import { Field, SelectField } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { useMayTake } from './ActionGate';
import { useCaseAction } from './useCaseAction';

/**
 * Who carries the case, and handing it to a colleague: the owner hands over; another caseworker takes over (or gives
 * an unassigned case to someone) with a reason, which the case keeps as a note. Only caseworkers with access are
 * offered, never the case's independent reviewer. Every hand-over is a signed event in the audit trail.
 */
export function HandOverPanel({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { people, person, nameOf } = useCases();
  const mayTake = useMayTake(c, 'hand-over');
  const act = useCaseAction(c.id);
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const candidates = people.filter(
    (p) => p.removedAt === null && p.roles.includes('caseworker') && p.id !== c.ownerId && p.id !== c.review?.officerId,
  );
  const chosen = to ?? candidates[0]?.id ?? '';
  const mine = c.ownerId !== null && c.ownerId === person?.id;
  const close = () => {
    setOpen(false);
    setReason('');
    setTo(null);
    act.clear();
  };
  const submit = async () => {
    if (chosen === '') return;
    if (await act.run({ type: 'hand-over', to: chosen, reason })) close();
  };
  return (
    <section aria-labelledby="owner-title" className="panel">
      <h2 id="owner-title">{t('handOver.heading')}</h2>
      <p data-testid="case-owner">
        {c.ownerId ? t('handOver.owner', { name: nameOf(c.ownerId) }) : t('handOver.unassigned')}
      </p>
      {!mayTake ? null : !open ? (
        <Button className="button button--quiet" onPress={() => setOpen(true)}>
          {mine ? t('handOver.open') : t('handOver.openTakeOver')}
        </Button>
      ) : candidates.length === 0 ? (
        <>
          <p role="alert">{t('handOver.nobody')}</p>
          <Button className="button button--quiet" onPress={close}>
            {t('handOver.cancel')}
          </Button>
        </>
      ) : (
        <div role="group" aria-labelledby="owner-title">
          <SelectField
            label={t('handOver.to')}
            value={chosen}
            onChange={setTo}
            options={candidates.map((p) => ({ value: p.id, label: p.name }))}
          />
          <Field
            label={t('handOver.reason')}
            help={mine ? t('handOver.reasonOptional') : t('handOver.reasonRequired')}
            required={!mine}
            multiline
            value={reason}
            onChange={setReason}
          />
          <MessageList title={t('case.notDone')} messages={act.messages} />
          <div className="actions">
            <Button className="button" isDisabled={act.busy} onPress={() => void submit()}>
              {t('handOver.confirm', { name: nameOf(chosen) })}
            </Button>
            <Button className="button button--quiet" onPress={close}>
              {t('handOver.cancel')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
