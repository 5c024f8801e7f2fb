import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { Field } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { useConfirmation } from '../../components/useConfirmation';
import { useMayTake } from './ActionGate';
import { useCaseAction } from './useCaseAction';
import { useProcedureWords } from '../../components/useProcedureWords';

/** Less frequent actions: extend a running deadline (within its rule) and withdraw the case. Shown only when the role may take them. */
export function OtherActions({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const words = useProcedureWords();
  const mayExtend = useMayTake(c, 'extend-deadline');
  const mayWithdraw = useMayTake(c, 'withdraw');
  const extend = useCaseAction(c.id);
  const withdraw = useCaseAction(c.id);
  const confirmation = useConfirmation();
  const extendable = c.deadlines.filter(
    (d) =>
      d.metAt === null &&
      d.extensionRule !== null &&
      (d.extensionRule.maxCount === null || d.extensions.length < d.extensionRule.maxCount),
  );
  const [deadlineId, setDeadlineId] = useState('');
  const [extendReason, setExtendReason] = useState('');
  const [withdrawReason, setWithdrawReason] = useState('');
  if (!(mayExtend && extendable.length > 0) && !mayWithdraw) return null;
  return (
    <section aria-labelledby="other-actions-title" className="panel">
      <h2 id="other-actions-title">{t('other.heading')}</h2>
      {mayExtend && extendable.length > 0 ? (
        <div className="step-panel">
          <h3>{t('other.extend')}</h3>
          <div className="field">
            <label htmlFor="extend-deadline">{t('other.deadline')}</label>
            <select
              id="extend-deadline"
              value={deadlineId || (extendable[0]?.id ?? '')}
              onChange={(e) => setDeadlineId(e.target.value)}
            >
              {extendable.map((d) => (
                <option key={d.id} value={d.id}>
                  {words.period({ procedureId: c.procedure.id, periodId: d.periodId }, d.label)}
                </option>
              ))}
            </select>
          </div>
          <Field label={t('other.extendReason')} required value={extendReason} onChange={setExtendReason} />
          <MessageList title={t('case.notDone')} messages={extend.messages} />
          <Button
            className="button button--quiet"
            isDisabled={extend.busy}
            onPress={() =>
              void extend.run({
                type: 'extend-deadline',
                deadlineId: deadlineId || (extendable[0]?.id ?? ''),
                reason: extendReason,
              })
            }
          >
            {t('other.extendButton')}
          </Button>
        </div>
      ) : null}
      {mayWithdraw ? (
        <div className="step-panel">
          <h3>{t('other.withdraw')}</h3>
          <Field label={t('other.withdrawReason')} required value={withdrawReason} onChange={setWithdrawReason} />
          <MessageList title={t('case.notDone')} messages={withdraw.messages} />
          <Button
            className="button button--quiet"
            isDisabled={withdraw.busy}
            onPress={() =>
              confirmation.ask({
                title: t('confirm.withdraw.title'),
                consequences: [t('confirm.withdraw.effect'), t('confirm.withdraw.final')],
                confirmLabel: t('other.withdrawButton'),
                onConfirm: () => void withdraw.run({ type: 'withdraw', reason: withdrawReason }),
              })
            }
          >
            {t('other.withdrawButton')}
          </Button>
          {confirmation.dialog}
        </div>
      ) : null}
    </section>
  );
}
