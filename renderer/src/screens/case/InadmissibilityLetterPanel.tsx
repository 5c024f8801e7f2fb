import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { NOTICE_METHODS } from '@shared/domain/notice-status';
import type { AffectedPerson } from '@shared/domain/parties';
import { LANGUAGES, type Language } from '@shared/domain/primitives';
import { originalFreeText } from '@shared/notices/free-text';
import { buildInadmissibilityLetter } from '@shared/notices/inadmissibility-letter';
import { isNoticeProblem } from '@shared/notices/notice-document';
import { findJurisdiction } from '@shared/vocab/vocabulary';
import { useCases } from '../../cases/CasesProvider';
import { letterheadOptions } from '../../cases/letterhead';
import { SelectField } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { PrintableDocumentView } from '../../components/PrintableDocumentView';
import { PrintPortal } from '../../components/PrintPortal';
import { useConfirmation } from '../../components/useConfirmation';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { SavePdfButton } from '../notices/SavePdfButton';
import { useSavePdf } from '../notices/useSavePdf';
import { ActionGate, useMayTake } from './ActionGate';
import { isLanguage } from './draft-form-state';
import { useCaseAction } from './useCaseAction';

/**
 * A complaint declared inadmissible: the letter telling each complainant of the decision, its reasons and their
 * remedy, printed in their language; sending it is recorded as their notice, which ends the to-do to tell them.
 */
export function InadmissibilityLetterPanel({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const [openPerson, setOpenPerson] = useState<string | null>(null);
  return (
    <section className="step-panel" aria-labelledby="inadmissibility-letter-title" data-testid="inadmissibility-letter">
      <h3 id="inadmissibility-letter-title">{t('inadmissibilityLetter.heading')}</h3>
      <ul className="people-notices">
        {c.affectedPeople.map((person, index) => (
          <li key={person.id} className="people-notices__item">
            <LetterStatus person={person} index={index} />
            <Button
              className={person.notice.state === 'pending' ? 'button' : 'button button--quiet'}
              aria-expanded={openPerson === person.id}
              onPress={() => setOpenPerson(openPerson === person.id ? null : person.id)}
            >
              {t('inadmissibilityLetter.open')}
            </Button>
          </li>
        ))}
      </ul>
      {openPerson && c.affectedPeople.some((p) => p.id === openPerson) ? (
        <ComplainantLetter key={openPerson} c={c} personId={openPerson} />
      ) : null}
    </section>
  );
}

function LetterStatus({ person, index }: { readonly person: AffectedPerson; readonly index: number }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const n = person.notice;
  return (
    <span className="people-notices__status" data-testid={`letter-status-${index + 1}`}>
      {n.state === 'issued'
        ? t('inadmissibilityLetter.sent', {
            name: person.name,
            date: dateTime(n.issuedAt),
            method: t(`notice.methods.${n.method}`),
            language: t(`languages.${n.language}`),
          })
        : t('inadmissibilityLetter.pending', { name: person.name })}
    </span>
  );
}

function ComplainantLetter({ c, personId }: { readonly c: Case; readonly personId: string }) {
  const { t } = useTranslation();
  const { profile, nameOf } = useCases();
  const person = c.affectedPeople.find((p) => p.id === personId);
  const [language, setLanguage] = useState<Language>(person?.preferredLanguage ?? 'en');
  const [method, setMethod] = useState<(typeof NOTICE_METHODS)[number]>('post');
  const pdf = useSavePdf();
  const record = useCaseAction(c.id);
  const mayRecord = useMayTake(c, 'issue-notice');
  const confirmation = useConfirmation();
  const timeZone = findJurisdiction(c.originatingJurisdiction)?.timeZone ?? 'UTC';
  const letter = useMemo(
    () =>
      buildInadmissibilityLetter(c, personId, {
        language,
        // The decision is signed by the person who declared it, whoever prints the letter.
        ...letterheadOptions(profile, c.closure ? nameOf(c.closure.by) : null),
        at: c.closure?.at ?? c.updatedAt,
        timeZone,
      }),
    [c, personId, language, profile, nameOf, timeZone],
  );
  if (!person) return null;
  const untranslated = originalFreeText(c, c.closure?.note ?? '', language).untranslatedMarker !== null;
  return (
    <section className="person-notice" aria-labelledby="complainant-letter-title">
      <h4 id="complainant-letter-title">{t('inadmissibilityLetter.letterTo', { name: person.name })}</h4>
      <SelectField
        label={t('inadmissibilityLetter.language')}
        value={language}
        onChange={(v) => isLanguage(v) && setLanguage(v)}
        options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        help={t('notice.languageHelp', { language: t(`languages.${person.preferredLanguage}`) })}
      />
      {isNoticeProblem(letter) ? (
        <MessageList title={t('notice.cannotGenerate')} messages={[letter.message]} />
      ) : (
        <div
          className="notice-preview"
          data-testid="inadmissibility-letter-preview"
          tabIndex={0}
          role="region"
          aria-label={t('inadmissibilityLetter.preview')}
        >
          <PrintableDocumentView document={letter} label={t('inadmissibilityLetter.preview')} />
          <PrintPortal document={letter} label={t('inadmissibilityLetter.preview')} />
        </div>
      )}
      <SavePdfButton
        label={t('inadmissibilityLetter.savePdf')}
        busy={pdf.busy}
        disabled={isNoticeProblem(letter)}
        untranslatedIn={untranslated ? language : null}
        onSave={() => void pdf.save(`${c.references.local}-inadmissible-${language}.pdf`)}
      />
      <p role="status" className={pdf.outcome?.ok === false ? 'error' : 'field__help'}>
        {pdf.outcome ? pdf.outcome.message : ''}
      </p>
      {person.notice.state === 'pending' ? (
        <ActionGate c={c} type="issue-notice">
          <h4>{t('inadmissibilityLetter.recordHeading')}</h4>
          <SelectField
            label={t('notice.method')}
            value={method}
            onChange={(v) => setMethod(NOTICE_METHODS.find((m) => m === v) ?? 'post')}
            options={NOTICE_METHODS.map((m) => ({ value: m, label: t(`notice.methods.${m}`) }))}
          />
          <MessageList title={t('case.notDone')} messages={record.messages} />
          <Button
            className="button"
            isDisabled={record.busy || !mayRecord}
            onPress={() =>
              confirmation.ask({
                title: t('inadmissibilityLetter.confirmTitle', { name: person.name }),
                consequences: [
                  t('inadmissibilityLetter.confirmRecorded', {
                    method: t(`notice.methods.${method}`),
                    language: t(`languages.${language}`),
                  }),
                  t('inadmissibilityLetter.confirmFinal'),
                ],
                confirmLabel: t('inadmissibilityLetter.record'),
                onConfirm: () => void record.run({ type: 'issue-notice', personId, method, language }),
              })
            }
          >
            {t('inadmissibilityLetter.record')}
          </Button>
          {confirmation.dialog}
        </ActionGate>
      ) : null}
    </section>
  );
}
