import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { LANGUAGES, type Language } from '@shared/domain/primitives';
import { freeTextFor } from '@shared/notices/free-text';
import { buildDecisionLetter, isNoticeProblem } from '@shared/notices/notice-document';
import { findJurisdiction } from '@shared/vocab/vocabulary';
import { useCases } from '../../cases/CasesProvider';
import { letterheadOptions } from '../../cases/letterhead';
import { Field, SelectField } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { PrintableDocumentView } from '../../components/PrintableDocumentView';
import { PrintPortal } from '../../components/PrintPortal';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useTerms } from '../../components/useTerms';
import { ActionGate, useMayTake } from '../case/ActionGate';
import { isLanguage } from '../case/draft-form-state';
import { useConfirmation } from '../../components/useConfirmation';
import { useCaseAction } from '../case/useCaseAction';
import { SavePdfButton } from '../notices/SavePdfButton';
import { TextVersionField } from '../notices/TextVersionField';
import { useSavePdf } from '../notices/useSavePdf';
import { DecisionForm } from './DecisionForm';

/** Redress: take the review, decide, print the decision letter, carry out the remedies, close. */
export function RedressStep({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { term } = useTerms();
  const { dateTime } = useLocaleFormat();
  const take = useCaseAction(c.id);
  return (
    <div className="step-panel">
      {c.stage === 'challenge-lodged' || (c.stage === 'redress-review' && c.review === null) ? (
        <ActionGate c={c} type="begin-review">
          <p className="field__help">{t('decision.takeHelp')}</p>
          <MessageList title={t('case.notDone')} messages={take.messages} />
          <Button className="button" isDisabled={take.busy} onPress={() => void take.run({ type: 'begin-review' })}>
            {t('decision.take')}
          </Button>
        </ActionGate>
      ) : null}
      {c.stage === 'redress-review' ? (
        <ActionGate c={c} type="decide">
          <DecisionForm c={c} />
        </ActionGate>
      ) : null}
      {c.decision ? (
        <>
          <dl className="facts">
            <dt>{t('decision.outcome')}</dt>
            <dd data-testid="decision-outcome">{term('outcomes', c.decision.outcome)}</dd>
            <dt>{t('decision.decidedOn')}</dt>
            <dd>{dateTime(c.decision.decidedAt)}</dd>
            <dt>{t('decision.reasons')}</dt>
            <dd>{c.decision.reasons}</dd>
          </dl>
          <RemedyTasks c={c} />
          <DecisionLetter c={c} />
        </>
      ) : null}
    </div>
  );
}

function RemedyTasks({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { term } = useTerms();
  const { dateTime } = useLocaleFormat();
  const complete = useCaseAction(c.id);
  const close = useCaseAction(c.id);
  const confirmation = useConfirmation();
  const mayClose = useMayTake(c, 'close');
  const [notes, setNotes] = useState<Record<string, string>>({});
  return (
    <section aria-labelledby="remedies-title">
      <h3 id="remedies-title">{t('remedies.heading')}</h3>
      {c.remedies.length === 0 ? <p>{t('remedies.none')}</p> : null}
      <ul className="remedy-tasks">
        {c.remedies.map((r) => (
          <li
            key={r.id}
            className={r.done ? 'remedy-task remedy-task--done' : 'remedy-task'}
            data-testid={`remedy-${r.code}`}
          >
            <span>
              <strong>{term('remedies', r.code)}</strong>
              {r.description ? ` — ${r.description}` : ''}
            </span>
            <span>
              {r.done
                ? t('remedies.doneOn', { date: dateTime(r.done.at) })
                : t('remedies.dueOn', { date: dateTime(r.dueAt) })}
            </span>
            {r.done === null && c.stage === 'remedies' ? (
              <ActionGate c={c} type="complete-remedy">
                <Field
                  label={t('remedies.note', { remedy: term('remedies', r.code) })}
                  value={notes[r.id] ?? ''}
                  onChange={(v) => setNotes({ ...notes, [r.id]: v })}
                />
                <Button
                  className="button button--quiet"
                  isDisabled={complete.busy}
                  onPress={() =>
                    void complete.run({ type: 'complete-remedy', remedyId: r.id, note: notes[r.id] ?? '' })
                  }
                >
                  {t('remedies.markDone', { remedy: term('remedies', r.code) })}
                </Button>
              </ActionGate>
            ) : null}
          </li>
        ))}
      </ul>
      <MessageList title={t('case.notDone')} messages={complete.messages} />
      {c.stage === 'remedies' ? (
        <ActionGate c={c} type="close">
          <MessageList title={t('remedies.cannotClose')} messages={close.messages} />
          <Button
            className="button"
            isDisabled={close.busy}
            onPress={() =>
              // With remedies still open, the attempt lists them at once; the confirmation is for the real step.
              !mayClose
                ? void close.run({ type: 'close' })
                : confirmation.ask({
                    title: t('confirm.close.title'),
                    consequences: [t('confirm.close.effect'), t('confirm.reopenable')],
                    confirmLabel: t('remedies.close'),
                    onConfirm: () => void close.run({ type: 'close' }),
                  })
            }
          >
            {t('remedies.close')}
          </Button>
          {confirmation.dialog}
        </ActionGate>
      ) : null}
    </section>
  );
}

function DecisionLetter({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { profile, nameOf } = useCases();
  const challenger = c.affectedPeople.find((p) => p.id === c.challenge?.personId);
  const [language, setLanguage] = useState<Language>(challenger?.preferredLanguage ?? 'en');
  const pdf = useSavePdf();
  const timeZone = findJurisdiction(c.originatingJurisdiction)?.timeZone ?? 'UTC';
  const letter = useMemo(
    () =>
      buildDecisionLetter(c, {
        language,
        // A decision letter is signed by the officer who decided, whoever prints it.
        ...letterheadOptions(profile, c.decision ? nameOf(c.decision.decidedBy) : null),
        at: c.decision?.decidedAt ?? c.updatedAt,
        timeZone,
      }),
    [c, language, profile, nameOf, timeZone],
  );
  return (
    <section aria-labelledby="letter-title">
      <h3 id="letter-title">{t('decision.letter')}</h3>
      <SelectField
        label={t('decision.letterLanguage')}
        value={language}
        onChange={(v) => isLanguage(v) && setLanguage(v)}
        options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
      />
      {isNoticeProblem(letter) ? (
        <MessageList title={t('notice.cannotGenerate')} messages={[letter.message]} />
      ) : (
        <div
          className="notice-preview"
          data-testid="letter-preview"
          tabIndex={0}
          role="region"
          aria-label={t('decision.letter')}
        >
          <PrintableDocumentView document={letter} label={t('decision.letter')} />
          <PrintPortal document={letter} label={t('decision.letter')} />
        </div>
      )}
      <TextVersionField key={language} c={c} field="decision-reasons" language={language} />
      <SavePdfButton
        label={t('decision.savePdf')}
        busy={pdf.busy}
        disabled={isNoticeProblem(letter)}
        untranslatedIn={freeTextFor(c, 'decision-reasons', language).untranslatedMarker ? language : null}
        onSave={() => void pdf.save(`${c.references.local}-decision-${language}.pdf`)}
      />
      <p role="status" className={pdf.outcome?.ok === false ? 'error' : 'field__help'}>
        {pdf.outcome ? pdf.outcome.message : ''}
      </p>
    </section>
  );
}
