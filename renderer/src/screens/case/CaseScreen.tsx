import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { caseSide } from '@shared/domain/case-side';
import { stepForStage, type CaseStep } from '../../cases/case-steps';
import { useCases, useCaseWithTrail, useNow } from '../../cases/CasesProvider';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useTerms } from '../../components/useTerms';
import type { OpenRoute } from '../cases/case-route';
import { NoticePanel } from '../notices/NoticePanel';
import { InadmissibilityLetterPanel } from './InadmissibilityLetterPanel';
import { ChallengeStep } from '../redress/ChallengeStep';
import { RedressStep } from '../redress/RedressStep';
import { AnswerStep } from './AnswerStep';
import { AuditTimeline } from './AuditTimeline';
import { CaseFacts } from './CaseFacts';
import { DraftStep } from './DraftStep';
import { EmergencyPanel } from './EmergencyPanel';
import { EvidencePanel } from './EvidencePanel';
import { OtherActions } from './OtherActions';
import { HandOverPanel } from './HandOverPanel';
import { IncomingPanel } from './IncomingPanel';
import { NotesPanel } from './NotesPanel';
import { RecognitionStep } from './RecognitionStep';
import { ReopenPanel } from './ReopenPanel';
import { RequestStep } from './RequestStep';
import { RequiredNowPanel } from './RequiredNowPanel';
import { RetentionPanel } from './RetentionPanel';
import { StartPeriodPanel } from './StartPeriodPanel';
import { Stepper } from './Stepper';

/** One case: where it stands, what is required now, its deadlines, the step's work, notes and the audit trail. */
export function CaseScreen({
  caseId,
  step,
  onOpen,
}: {
  readonly caseId: string;
  readonly step?: CaseStep;
  readonly onOpen: OpenRoute;
}) {
  const { t } = useTranslation();
  const loaded = useCaseWithTrail(caseId);
  if (loaded === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  if (loaded.case === null) {
    return (
      <section aria-labelledby="screen-title">
        <ScreenHeading>{t('case.missing')}</ScreenHeading>
        <Button className="button" onPress={() => onOpen({ view: 'list' })}>
          {t('case.backToList')}
        </Button>
      </section>
    );
  }
  return <CaseView c={loaded.case} events={loaded.case ? loaded.events : []} initialStep={step} onOpen={onOpen} />;
}

function CaseView({
  c,
  events,
  initialStep,
  onOpen,
}: {
  readonly c: Case;
  readonly events: Parameters<typeof AuditTimeline>[0]['events'];
  readonly initialStep?: CaseStep;
  readonly onOpen: OpenRoute;
}) {
  const { t } = useTranslation();
  const { stage, kind } = useTerms();
  const { actor, person, nameOf } = useCases();
  const { date } = useLocaleFormat();
  const now = useNow();
  const current = stepForStage(c.stage);
  const [selected, setSelected] = useState<CaseStep>(initialStep && initialStep !== 'overview' ? initialStep : current);
  // When the case moves on, follow it to its new step (a user looking back stays where they are until then).
  const [followedStage, setFollowedStage] = useState(c.stage);
  if (followedStage !== c.stage) {
    setFollowedStage(c.stage);
    setSelected(current);
  }
  return (
    <article aria-labelledby="screen-title" className="case-view">
      <Button className="link-button case-view__back" onPress={() => onOpen({ view: 'list' })}>
        {t('case.backToList')}
      </Button>
      <header className="case-view__header">
        <ScreenHeading focusKey={c.id}>
          <span className="mono case-view__ref">{c.references.local}</span> {c.title || t('cases.untitled')}
        </ScreenHeading>
        <p className="case-view__meta">
          {kind(c.kind)} · <span data-testid="case-side">{t(`caseTerms.side.${caseSide(c)}`)}</span> ·{' '}
          <span data-testid="case-stage">{stage(c.stage)}</span> ·{' '}
          {t('case.actingAsPerson', { name: person?.name ?? '', role: t(`roles.${actor.role}`) })}
        </p>
        {c.closure?.reason === 'inadmissible' ? (
          <p className="role-note" role="note" data-testid="case-inadmissible">
            {t('case.inadmissibleBanner', {
              date: date(c.closure.at),
              name: nameOf(c.closure.by),
              reason: c.closure.note,
            })}
          </p>
        ) : null}
        {c.closure?.reason === 'withdrawn' ? (
          <p className="role-note" role="note" data-testid="case-withdrawn">
            {t('case.withdrawnBanner', {
              date: date(c.closure.at),
              name: nameOf(c.closure.by),
              reason: c.closure.note,
            })}
          </p>
        ) : null}
      </header>
      <Stepper c={c} selected={selected} onSelect={setSelected} />
      <RequiredNowPanel c={c} now={now} />
      <EmergencyPanel c={c} now={now} />
      <IncomingPanel c={c} />
      <section aria-labelledby="step-title" className="panel step" data-testid="step-panel">
        <h2 id="step-title">{t(`case.stepTitles.${selected}`)}</h2>
        <StepContent c={c} step={selected} />
      </section>
      <ReopenPanel c={c} />
      <StartPeriodPanel c={c} />
      <CaseFacts c={c} />
      <RetentionPanel c={c} />
      <EvidencePanel c={c} />
      <HandOverPanel c={c} />
      <NotesPanel c={c} />
      <OtherActions c={c} />
      <AuditTimeline caseId={c.id} events={events} />
    </article>
  );
}

function StepContent({ c, step }: { readonly c: Case; readonly step: CaseStep }) {
  const { t } = useTranslation();
  const { nameOf } = useCases();
  switch (step) {
    case 'draft':
      return c.stage === 'draft' ? <DraftStep c={c} /> : <p>{t('case.draftDone')}</p>;
    case 'authorised':
      if (c.stage === 'authorised' && c.kind === 'data-access-request') return <RequestStep c={c} />;
      if (c.stage === 'authorised' && c.kind === 'enforcement-action') return <NoticePanel c={c} />;
      if (c.stage === 'authorised') return <ChallengeStep c={c} />;
      return (
        <p>{c.authorisation ? t('case.authorisedBy', { actor: nameOf(c.authorisation.by) }) : t('case.notYet')}</p>
      );
    case 'request':
      return <RequestStep c={c} />;
    case 'notice':
      return (
        <>
          <NoticePanel c={c} />
          {c.stage === 'challenge-window' ? <ChallengeStep c={c} /> : null}
        </>
      );
    case 'challenge':
      return c.challenge || c.stage === 'challenge-window' ? <ChallengeStep c={c} /> : <p>{t('case.notYet')}</p>;
    case 'redress':
      return c.challenge ? <RedressStep c={c} /> : <p>{t('case.notYet')}</p>;
    case 'received':
      return <RecognitionStep c={c} />;
    case 'execution':
    case 'answer':
      return <AnswerStep c={c} step={step} />;
    case 'closed':
      return c.closure ? (
        <>
          <p data-testid="closure">
            {t(`case.closure.${c.closure.reason}`)}
            {c.closure.reason === 'withdrawn' ? ` ${t('case.withdrawnReason', { reason: c.closure.note })}` : null}
            {c.closure.reason === 'inadmissible'
              ? ` ${t('case.inadmissibleReasons', { reason: c.closure.note })}`
              : null}
          </p>
          {c.closure.reason === 'inadmissible' && c.stage === 'closed' ? <InadmissibilityLetterPanel c={c} /> : null}
        </>
      ) : (
        <p>{t('case.notYet')}</p>
      );
    case 'overview':
      return null;
  }
}
