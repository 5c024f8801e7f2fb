import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { openedOnDate } from '@shared/procedures/procedure-registry';
import { caseTimeZone } from '@shared/workflow/step-helpers';
import { MessageList } from '../../components/MessageList';
import { ActionGate, useMayTake } from './ActionGate';
import { DraftForm } from './DraftForm';
import { draftFormFromCase, draftFormStateSchema, type DraftFormState } from './draft-form-state';
import { useDraftProblems } from './useDraftProblems';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useKeptDraft } from '../../components/useKeptDraft';
import { KeptDraftBanner } from '../../components/KeptDraftBanner';
import { useCaseAction } from './useCaseAction';
import { useConfirmation } from '../../components/useConfirmation';
import { CoSignPanel } from './CoSignPanel';
import { InadmissiblePanel } from './InadmissiblePanel';
import { useCases } from '../../cases/CasesProvider';
import type { Actor } from '@shared/domain/actor';

/** The draft step: edit the draft, then authorise it; a refusal lists exactly what is missing. */
export function DraftStep({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const save = useCaseAction(c.id);
  const authorise = useCaseAction(c.id);
  const [form, setForm] = useState<DraftFormState>(() => draftFormFromCase(c));
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [coSigning, setCoSigning] = useState(false);
  const { settings } = useCases();
  const confirmation = useConfirmation();
  const mayAuthorise = useMayTake(c, 'authorise');
  const problems = useDraftProblems(form, c.kind, attempt > 0);

  const dirty = JSON.stringify(form) !== JSON.stringify(draftFormFromCase(c));
  // Unsaved edits survive a lock: kept as an encrypted draft, offered back here after unlock.
  const kept = useKeptDraft(`case-draft:${c.id}`, form, dirty, draftFormStateSchema, (value) => {
    setForm(value);
    setSaved(false);
  });

  const saveDraft = async (): Promise<boolean> => {
    setAttempt((n) => n + 1);
    setSaved(false);
    const { changes } = problems;
    if (problems.blocked || changes === null) return false;
    const ok = await save.run({ type: 'update-draft', changes });
    if (ok) kept.settle();
    setSaved(ok);
    return ok;
  };

  // Authorising what is on screen: unsaved edits are saved first, so the user never authorises a stale draft.
  const authoriseNow = async () => {
    if (dirty && !(await saveDraft())) return;
    // With the second-person rule, another person confirms here and now, with their own passphrase.
    if (settings.requireSecondPersonAuthorisation) setCoSigning(true);
    // While something is missing, the attempt shows the workflow's list at once; the confirmation is for the real
    // step. `mayAuthorise` describes the case as rendered, so after saving edits it is stale: then ask regardless.
    else if (!dirty && !mayAuthorise) await authorise.run({ type: 'authorise' });
    else
      confirmation.ask({
        title: t('confirm.authorise.title'),
        consequences: [t('confirm.authorise.frozen'), t('confirm.authorise.next'), t('confirm.authorise.final')],
        confirmLabel: t('case.authorise'),
        onConfirm: () => void authorise.run({ type: 'authorise' }),
      });
  };
  const authoriseAs = async (secondPerson: Actor) => {
    if (await authorise.run({ type: 'authorise' }, secondPerson)) setCoSigning(false);
  };

  return (
    <ActionGate c={c} type="update-draft">
      <div className="step-panel">
        <KeptDraftBanner draft={kept} />
        <ErrorSummary problems={problems.summary} attempt={attempt} />
        <DraftForm
          kind={c.kind}
          openedOn={openedOnDate(c.createdAt, caseTimeZone(c))}
          form={form}
          onChange={(next) => (setForm(next), setSaved(false))}
          problems={problems}
        />
        <MessageList title={t('case.notSaved')} messages={save.messages} />
        {saved ? (
          <p role="status" className="success">
            {t('case.draftSaved')}
          </p>
        ) : null}
        <div className="form-actions">
          <Button className="button button--quiet" onPress={() => void saveDraft()} isDisabled={save.busy}>
            {t('case.saveDraft')}
          </Button>
        </div>
        <ActionGate c={c} type="authorise">
          <div className="authorise">
            <h3>{t('case.authoriseHeading')}</h3>
            <p className="field__help">{t('case.authoriseHelp')}</p>
            <MessageList title={t('case.cannotAuthorise')} messages={authorise.messages} />
            {coSigning ? (
              <CoSignPanel
                actionLabel={t('case.authorise')}
                onConfirmed={authoriseAs}
                onCancel={() => setCoSigning(false)}
              />
            ) : (
              <Button className="button" onPress={() => void authoriseNow()} isDisabled={authorise.busy || save.busy}>
                {t('case.authorise')}
              </Button>
            )}
            {confirmation.dialog}
          </div>
        </ActionGate>
        {/* A complaint answered "no" somewhere is declared inadmissible, with its reasons, instead of admitted. */}
        {c.kind === 'rights-complaint' && Object.values(form.admissibility).includes('no') ? (
          <InadmissiblePanel c={c} dirty={dirty} saveDraft={saveDraft} busy={save.busy} />
        ) : null}
      </div>
    </ActionGate>
  );
}
