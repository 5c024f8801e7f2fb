import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Actor } from '@shared/domain/actor';
import type { Case } from '@shared/domain/case';
import { availableActions } from '@shared/workflow/available-actions';
import { reopenTarget } from '@shared/workflow/steps/reopen-step';
import { useCases } from '../../cases/CasesProvider';
import { Field } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { useConfirmation } from '../../components/useConfirmation';
import { useTerms } from '../../components/useTerms';
import { useWorkflowMessage } from '../../components/useWorkflowMessage';
import { CoSignPanel } from './CoSignPanel';
import { useCaseAction } from './useCaseAction';

/**
 * "Took this step by mistake?": the audited reopen, where the workflow allows one (docs/workflow.md §Reopen). It
 * asks for a reason, says what goes back, and, under the second-person rule, lets someone other than the person
 * who took the step confirm with their own passphrase. Where a reopen is refused for good (a bundle already left),
 * it says why instead of offering a button.
 */
export function ReopenPanel({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { actor, repository } = useCases();
  const translate = useWorkflowMessage();
  const { stage } = useTerms();
  const reopen = useCaseAction(c.id);
  const confirmation = useConfirmation();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const [coSigning, setCoSigning] = useState(false);
  const toStage = reopenTarget(c);
  const availability = availableActions(c, actor, repository.context).find((a) => a.type === 'reopen');
  if (toStage === null || !availability) return null;
  if (!availability.available && availability.code !== 'preconditions-unmet') return null;
  // Refused for a reason a second person cannot lift: shown as a note, not as a form.
  const reasons = availability.available ? [] : availability.reasons;
  const final = reasons.filter((m) => m.code !== 'reopen-second-person-required');
  // The workflow's own refusal says when a second person is needed; the panel does not restate the rule.
  const needsSecondPerson = reasons.length > final.length;
  const run = async (by?: Actor) => {
    if (await reopen.run({ type: 'reopen', reason }, by)) {
      setOpen(false);
      setCoSigning(false);
      setReason('');
    }
  };
  return (
    <section aria-labelledby="reopen-title" className="panel no-print" data-testid="reopen">
      <h2 id="reopen-title">{t('reopen.heading')}</h2>
      {final.length > 0 ? (
        <ul className="field__help">
          {final.map((m) => (
            <li key={m.code}>{translate(m)}</li>
          ))}
        </ul>
      ) : !open ? (
        <Button className="button button--quiet" onPress={() => setOpen(true)}>
          {t('reopen.start')}
        </Button>
      ) : (
        <div className="form">
          <p className="field__help">{t(`reopen.explain.${c.stage}`, { defaultValue: t('reopen.explain.closed') })}</p>
          <Field label={t('reopen.reason')} required multiline rows={3} value={reason} onChange={setReason} />
          <MessageList title={t('case.notDone')} messages={reopen.messages} />
          {coSigning ? (
            <CoSignPanel
              actionLabel={t('reopen.confirm')}
              onConfirmed={(second) => run(second)}
              onCancel={() => setCoSigning(false)}
            />
          ) : (
            <div className="form-actions">
              <Button className="button button--quiet" onPress={() => setOpen(false)}>
                {t('confirm.cancel')}
              </Button>
              <Button
                className="button"
                isDisabled={reopen.busy}
                onPress={() =>
                  needsSecondPerson
                    ? setCoSigning(true)
                    : confirmation.ask({
                        title: t('reopen.confirmTitle'),
                        consequences: [t('reopen.goesBack', { stage: stage(toStage) }), t('reopen.kept')],
                        confirmLabel: t('reopen.confirm'),
                        onConfirm: () => void run(),
                      })
                }
              >
                {t('reopen.confirm')}
              </Button>
            </div>
          )}
          {confirmation.dialog}
        </div>
      )}
    </section>
  );
}
