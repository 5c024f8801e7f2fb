import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { NOTICE_METHODS } from '@shared/domain/notice-status';
import type { AffectedPerson } from '@shared/domain/parties';
import { LANGUAGES, type Language } from '@shared/domain/primitives';
import { freeTextFor } from '@shared/notices/free-text';
import { buildNotice, isNoticeProblem } from '@shared/notices/notice-document';
import { findJurisdiction } from '@shared/vocab/vocabulary';
import { useCases, useNow } from '../../cases/CasesProvider';
import { prospectiveChallengeDeadline } from '../../cases/prospective-window';
import { letterheadOptions } from '../../cases/letterhead';
import { Field, SelectField } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { PrintableDocumentView } from '../../components/PrintableDocumentView';
import { PrintPortal } from '../../components/PrintPortal';
import { endOfDateInput, useLocaleFormat } from '../../components/useLocaleFormat';
import { ActionGate, useMayTake } from '../case/ActionGate';
import { isLanguage } from '../case/draft-form-state';
import { useCaseAction } from '../case/useCaseAction';
import { useSavePdf } from './useSavePdf';
import { SavePdfButton } from './SavePdfButton';
import { TextVersionField } from './TextVersionField';
import { WithholdNoticeForm } from './WithholdNoticeForm';
import { useConfirmation } from '../../components/useConfirmation';
import { IdentifiedPersonForm } from './IdentifiedPersonForm';

/** Notice to each affected person: generate in their language, preview, save as PDF, record delivery — or defer. */
export function NoticePanel({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const [openPerson, setOpenPerson] = useState<string | null>(c.affectedPeople.find((p) => isOwed(p))?.id ?? null);
  return (
    <div className="step-panel notice-panel">
      <IdentifiedPersonForm c={c} />
      <ul className="people-notices">
        {c.affectedPeople.map((person, index) => (
          <li key={person.id} className="people-notices__item">
            <PersonNoticeStatus person={person} index={index} />
            {isOwed(person) ? (
              <Button
                className="button button--quiet"
                aria-expanded={openPerson === person.id}
                onPress={() => setOpenPerson(openPerson === person.id ? null : person.id)}
              >
                {t('notice.prepare', { n: index + 1 })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {openPerson && c.affectedPeople.some((p) => p.id === openPerson) ? (
        <PersonNotice key={openPerson} c={c} personId={openPerson} />
      ) : null}
    </div>
  );
}

/** Someone the office still owes notice: not told, and no lawful ground recorded for never telling them. */
const isOwed = (p: AffectedPerson): boolean => p.notice.state === 'pending' || p.notice.state === 'deferred';

function PersonNoticeStatus({ person, index }: { readonly person: AffectedPerson; readonly index: number }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const n = person.notice;
  const status =
    n.state === 'issued'
      ? t('notice.issuedStatus', {
          date: dateTime(n.issuedAt),
          method: t(`notice.methods.${n.method}`),
          language: t(`languages.${n.language}`),
        })
      : n.state === 'deferred'
        ? t('notice.deferredStatus', { date: dateTime(n.reviewAt) })
        : n.state === 'withheld'
          ? t('notice.withheldStatus', {
              date: dateTime(n.withheldAt),
              ground: t(`notice.noNoticeGrounds.${n.ground}`),
            })
          : t('notice.pendingStatus');
  return (
    <span className="people-notices__status" data-testid={`notice-status-${index + 1}`}>
      <strong>{t('draft.person', { n: index + 1 })}</strong>: {person.name} — {status}
    </span>
  );
}

function PersonNotice({ c, personId }: { readonly c: Case; readonly personId: string }) {
  const { t } = useTranslation();
  const { profile, settings, person: signedIn } = useCases();
  const person = c.affectedPeople.find((p) => p.id === personId);
  const [language, setLanguage] = useState<Language>(person?.preferredLanguage ?? 'en');
  const [method, setMethod] = useState<(typeof NOTICE_METHODS)[number]>('post');
  const [deferReasons, setDeferReasons] = useState('');
  const [deferUntil, setDeferUntil] = useState('');
  const issue = useCaseAction(c.id);
  const defer = useCaseAction(c.id);
  const pdf = useSavePdf();
  const mayIssue = useMayTake(c, 'issue-notice');
  const confirmation = useConfirmation();
  const timeZone = findJurisdiction(c.originatingJurisdiction)?.timeZone ?? 'UTC';
  const now = useNow();
  // The notice states the window the person will get: the period from today, as the workflow will start it.
  const document = useMemo(
    () =>
      buildNotice(c, personId, {
        language,
        ...letterheadOptions(profile, signedIn?.name ?? null),
        at: new Date(now).toISOString(),
        timeZone,
        challengeDeadline: prospectiveChallengeDeadline(c, now, settings),
      }),
    [c, personId, language, profile, signedIn, timeZone, now, settings],
  );
  if (!person) return null;
  return (
    <section className="person-notice" aria-labelledby="person-notice-title">
      <h3 id="person-notice-title">{t('notice.heading', { name: person.name })}</h3>
      <SelectField
        label={t('notice.language')}
        value={language}
        onChange={(v) => isLanguage(v) && setLanguage(v)}
        options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        help={t('notice.languageHelp', { language: t(`languages.${person.preferredLanguage}`) })}
      />
      {isNoticeProblem(document) ? (
        <MessageList title={t('notice.cannotGenerate')} messages={[document.message]} />
      ) : (
        <div
          className="notice-preview"
          data-testid="notice-preview"
          tabIndex={0}
          role="region"
          aria-label={t('notice.preview')}
        >
          <PrintableDocumentView document={document} label={t('notice.preview')} />
          <PrintPortal document={document} label={t('notice.preview')} />
        </div>
      )}
      <TextVersionField key={language} c={c} field="purpose" language={language} />
      <div className="form-actions">
        <SavePdfButton
          label={t('notice.savePdf')}
          busy={pdf.busy}
          disabled={isNoticeProblem(document)}
          untranslatedIn={freeTextFor(c, 'purpose', language).untranslatedMarker ? language : null}
          onSave={() => void pdf.save(`${c.references.local}-notice-${language}.pdf`)}
        />
      </div>
      <p role="status" className={pdf.outcome?.ok === false ? 'error' : 'field__help'}>
        {pdf.outcome ? pdf.outcome.message : ''}
      </p>
      <ActionGate c={c} type="issue-notice">
        <h4>{t('notice.recordDelivery')}</h4>
        <SelectField
          label={t('notice.method')}
          value={method}
          onChange={(v) => setMethod(NOTICE_METHODS.find((m) => m === v) ?? 'post')}
          options={NOTICE_METHODS.map((m) => ({ value: m, label: t(`notice.methods.${m}`) }))}
        />
        <MessageList title={t('case.notDone')} messages={issue.messages} />
        <Button
          className="button"
          isDisabled={issue.busy || !mayIssue}
          onPress={() =>
            confirmation.ask({
              title: t('confirm.issueNotice.title', { name: person.name }),
              consequences: [
                t('confirm.issueNotice.recorded', {
                  method: t(`notice.methods.${method}`),
                  language: t(`languages.${language}`),
                }),
                t('confirm.issueNotice.window'),
                t('confirm.issueNotice.final'),
              ],
              confirmLabel: t('notice.issue'),
              onConfirm: () => void issue.run({ type: 'issue-notice', personId, method, language }),
            })
          }
        >
          {t('notice.issue')}
        </Button>
        {confirmation.dialog}
      </ActionGate>
      {isOwed(person) ? (
        <ActionGate c={c} type="defer-notice">
          <h4>{t('notice.deferHeading')}</h4>
          <p className="field__help">{t('notice.deferHelp')}</p>
          <Field label={t('notice.deferReasons')} required multiline value={deferReasons} onChange={setDeferReasons} />
          <Field kind="date" label={t('notice.deferUntil')} required value={deferUntil} onChange={setDeferUntil} />
          <MessageList title={t('notice.notDeferred')} messages={defer.messages} />
          <Button
            className="button button--quiet"
            isDisabled={defer.busy}
            onPress={() =>
              void defer.run({
                type: 'defer-notice',
                personId,
                reasons: deferReasons,
                reviewAt: endOfDateInput(deferUntil),
              })
            }
          >
            {t('notice.defer')}
          </Button>
        </ActionGate>
      ) : null}
      {isOwed(person) ? <WithholdNoticeForm c={c} personId={personId} /> : null}
    </section>
  );
}
