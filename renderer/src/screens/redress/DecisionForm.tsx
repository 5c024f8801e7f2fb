import { useState } from 'react';
import { z } from 'zod';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { OUTCOMES, type Outcome } from '@shared/domain/redress';
import { Field, SelectField } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { endOfDateInput } from '../../components/useLocaleFormat';
import { useTerms } from '../../components/useTerms';
import { useCaseAction } from '../case/useCaseAction';
import { useKeptDraft } from '../../components/useKeptDraft';
import { KeptDraftBanner } from '../../components/KeptDraftBanner';
import { useConfirmation } from '../../components/useConfirmation';

type RemedyRow = { readonly key: string; readonly code: string; readonly description: string; readonly due: string };

/** The form's shape, for a decision kept across a lock (read back as unknown, used only once it parses). */
const decisionDraftSchema = z.strictObject({
  outcome: z.enum(OUTCOMES).nullable(),
  reasons: z.string(),
  remedies: z.array(z.strictObject({ key: z.string(), code: z.string(), description: z.string(), due: z.string() })),
});

/** The redress officer's decision: outcome, reasons, and remedies that become tracked tasks with due dates. */
export function DecisionForm({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { term, options } = useTerms();
  const decide = useCaseAction(c.id);
  // Nothing pre-selected: the officer chooses the outcome, never a default.
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const confirmation = useConfirmation();
  const [reasons, setReasons] = useState('');
  const [remedies, setRemedies] = useState<readonly RemedyRow[]>([]);
  const [formErrors, setFormErrors] = useState<readonly string[]>([]);
  // A decision being written survives a lock: kept as an encrypted draft, offered back here after unlock.
  const kept = useKeptDraft(
    `decision:${c.id}`,
    { outcome, reasons, remedies },
    outcome !== null || reasons.trim() !== '' || remedies.length > 0,
    decisionDraftSchema,
    (value) => {
      setOutcome(value.outcome);
      setReasons(value.reasons);
      setRemedies(value.remedies);
    },
  );
  const update = (key: string, patch: Partial<RemedyRow>) =>
    setRemedies(remedies.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = () => {
    const missingDates = remedies
      .filter((r) => endOfDateInput(r.due) === null)
      .map((r) => t('decision.dueMissing', { remedy: term('remedies', r.code) }));
    const problems = [...(outcome === null ? [t('decision.outcomeMissing')] : []), ...missingDates];
    setFormErrors(problems);
    if (outcome === null || problems.length > 0) return;
    confirmation.ask({
      title: t('confirm.decide.title'),
      consequences: [
        t(`decision.plain.${outcome}`),
        t('confirm.decide.remedies', { count: remedies.length }),
        t('confirm.decide.final'),
      ],
      confirmLabel: t('decision.record'),
      onConfirm: () =>
        void decide
          .run({
            type: 'decide',
            outcome,
            reasons,
            remedies: remedies.map((r) => ({
              code: r.code,
              description: r.description,
              dueAt: endOfDateInput(r.due) ?? '',
            })),
          })
          .then((decided) => decided && kept.settle()),
    });
  };

  return (
    <form
      className="form decision-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>{t('decision.heading')}</h3>
      <KeptDraftBanner draft={kept} />
      <fieldset className="form-group">
        <legend>{t('decision.outcome')}</legend>
        {OUTCOMES.map((o) => (
          <label key={o} className="choice">
            <input
              type="radio"
              name="decision-outcome"
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            <span>
              {term('outcomes', o)}
              <span className="field__help"> — {t(`decision.plain.${o}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Field label={t('decision.reasons')} required multiline rows={4} value={reasons} onChange={setReasons} />
      <fieldset className="form-group">
        <legend>{t('decision.remedies')}</legend>
        {remedies.map((r, index) => (
          <div key={r.key} className="remedy-row" role="group" aria-label={t('decision.remedyN', { n: index + 1 })}>
            <SelectField
              label={t('decision.remedyType', { n: index + 1 })}
              value={r.code}
              onChange={(v) => update(r.key, { code: v })}
              options={options('remedies')}
            />
            <Field
              label={t('decision.remedyDescription', { n: index + 1 })}
              value={r.description}
              onChange={(v) => update(r.key, { description: v })}
            />
            <Field
              kind="date"
              label={t('decision.remedyDue', { n: index + 1 })}
              required
              value={r.due}
              onChange={(v) => update(r.key, { due: v })}
            />
            <Button
              className="button button--quiet"
              onPress={() => setRemedies(remedies.filter((x) => x.key !== r.key))}
            >
              {t('decision.removeRemedy', { n: index + 1 })}
            </Button>
          </div>
        ))}
        <Button
          className="button button--quiet"
          onPress={() =>
            setRemedies([...remedies, { key: crypto.randomUUID(), code: 'erase-data', description: '', due: '' }])
          }
        >
          {t('decision.addRemedy')}
        </Button>
      </fieldset>
      <MessageList title={t('decision.notRecorded')} messages={[...formErrors, ...decide.messages]} />
      <Button type="submit" className="button" isDisabled={decide.busy}>
        {t('decision.record')}
      </Button>
      {confirmation.dialog}
    </form>
  );
}
