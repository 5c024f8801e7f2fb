import { useMemo } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { summariseCase } from '@shared/workflow/case-summary';
import { dashboard, type DashboardItem, type Tally } from '@shared/workflow/dashboard';
import { LIVE_STAGES } from '@shared/workflow/stage-labels';
import { stepForStage, type CaseStep } from '../../cases/case-steps';
import { useAllCases, useCases, useNow } from '../../cases/CasesProvider';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useTerms } from '../../components/useTerms';
import type { OpenRoute } from '../cases/case-route';
import { RedressQueue } from '../redress/RedressQueue';
import { CaseScopeChoice } from '../../components/CaseScopeChoice';
import { isMine } from '../../cases/case-scope';
import { ExportDeadlinesButton } from './ExportDeadlinesButton';
import { officeTimeZone } from '../../cases/office-time-zone';
import { useProcedureWords } from '../../components/useProcedureWords';

/** The step a dashboard item opens the case at. */
function stepFor(item: DashboardItem): CaseStep {
  if (item.kind === 'notice-review') return 'notice';
  if (item.kind === 'remedy') return 'redress';
  return stepForStage(item.stage);
}

/** What is due today, this week and overdue, by stage; emergencies near sunset; deferred notices near review. */
export function DashboardScreen({ onOpen }: { readonly onOpen: OpenRoute }) {
  const { t } = useTranslation();
  const { actor, profile, scope, person } = useCases();
  const all = useAllCases();
  // "My cases": what I own or review. The redress queue below always shows every challenge waiting for a reviewer.
  const cases = useMemo(
    () =>
      scope === 'all'
        ? all
        : all?.filter((c) =>
            isMine({ ownerId: c.ownerId, reviewerId: c.review?.officerId ?? null }, person?.id ?? null),
          ),
    [all, scope, person],
  );
  const now = useNow();
  const timeZone = officeTimeZone(profile?.jurisdiction);
  const board = useMemo(
    () => (cases ? dashboard(cases.map(summariseCase), { nowMs: now, timeZone }) : null),
    [cases, now, timeZone],
  );
  const byId = useMemo(() => new Map((cases ?? []).map((c) => [c.id, c])), [cases]);
  const { stage } = useTerms();
  const { number } = useLocaleFormat();
  /** "2 (3)": cases, then their deadlines and remedies where that differs. */
  const cell = (tally: Tally) =>
    tally.items === tally.cases
      ? number(tally.cases)
      : t('dashboard.tally.withItems', { cases: number(tally.cases), items: number(tally.items) });
  /** "3 cases overdue (5 deadlines)". */
  const sentence = (key: 'overdue' | 'today' | 'week', tally: Tally) =>
    tally.cases === tally.items
      ? t(`dashboard.tally.${key}`, { count: tally.cases })
      : t('dashboard.tally.withItems', {
          cases: t(`dashboard.tally.${key}`, { count: tally.cases }),
          items: t('dashboard.tally.items', { count: tally.items }),
        });
  if (board === null || cases === undefined) {
    return (
      <section aria-labelledby="screen-title">
        <ScreenHeading>{t('dashboard.title')}</ScreenHeading>
        <p aria-busy="true">{t('common.loading')}</p>
      </section>
    );
  }
  const live = cases.filter((c) => LIVE_STAGES.includes(c.stage));
  const list = (bucket: DashboardItem['bucket']) => board.due.filter((item) => item.bucket === bucket);
  return (
    <section aria-labelledby="screen-title" className="dashboard">
      <ScreenHeading>{t('dashboard.title')}</ScreenHeading>
      <p className="lead">{t('dashboard.lead')}</p>
      <CaseScopeChoice />
      <ExportDeadlinesButton cases={cases} />
      {actor.role !== 'caseworker' && all ? <RedressQueue cases={all} onOpen={onOpen} /> : null}
      {cases.length === 0 && scope === 'mine' && (all?.length ?? 0) > 0 ? (
        <p className="empty">{t('dashboard.noneMine')}</p>
      ) : null}
      {all?.length === 0 ? (
        <div className="empty">
          <p>{t('dashboard.noCases')}</p>
          <Button className="button" onPress={() => onOpen({ view: 'new' })}>
            {t('cases.new')}
          </Button>
        </div>
      ) : null}
      <ul className="dashboard__tallies" data-testid="dashboard-tallies">
        <li className={board.totals.overdue.cases > 0 ? 'overdue-text' : undefined}>
          {sentence('overdue', board.totals.overdue)}
        </li>
        <li>{sentence('today', board.totals.today)}</li>
        <li>{sentence('week', board.totals.thisWeek)}</li>
        {board.awaitingPartnerCases > 0 ? (
          <li>{t('dashboard.tally.partner', { count: board.awaitingPartnerCases })}</li>
        ) : null}
      </ul>
      <h2 id="by-stage">{t('dashboard.byStage')}</h2>
      <p className="field__help">{t('dashboard.byStageHelp')}</p>
      <table className="stage-table" aria-labelledby="by-stage">
        <thead>
          <tr>
            <th scope="col">{t('cases.stage')}</th>
            <th scope="col">{t('dashboard.live')}</th>
            <th scope="col">{t('dashboard.overdue')}</th>
            <th scope="col">{t('dashboard.today')}</th>
            <th scope="col">{t('dashboard.week')}</th>
          </tr>
        </thead>
        <tbody>
          {LIVE_STAGES.map((s) => {
            const counts = board.perStage[s];
            return (
              <tr key={s}>
                <th scope="row">{stage(s)}</th>
                <td>{number(live.filter((c) => c.stage === s).length)}</td>
                <td className={counts.overdue.cases > 0 ? 'overdue-text' : undefined}>{cell(counts.overdue)}</td>
                <td>{cell(counts.today)}</td>
                <td>{cell(counts.thisWeek)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="dashboard__grid">
        <DueList
          id="overdue"
          title={t('dashboard.overdue')}
          items={list('overdue')}
          byId={byId}
          onOpen={onOpen}
          now={now}
          tone="overdue"
        />
        <DueList id="today" title={t('dashboard.today')} items={list('today')} byId={byId} onOpen={onOpen} now={now} />
        <DueList
          id="week"
          title={t('dashboard.week')}
          items={list('this-week')}
          byId={byId}
          onOpen={onOpen}
          now={now}
        />
        {board.awaitingPartner.length > 0 ? (
          <DueList
            id="partner"
            title={t('dashboard.awaitingPartner')}
            help={t('dashboard.awaitingPartnerHelp')}
            items={board.awaitingPartner}
            byId={byId}
            onOpen={onOpen}
            now={now}
          />
        ) : null}
        <DueList
          id="sunsets"
          title={t('dashboard.sunsets')}
          items={board.emergencySunsets}
          byId={byId}
          onOpen={onOpen}
          now={now}
          tone="warning"
        />
        <DueList
          id="deferrals"
          title={t('dashboard.deferrals')}
          items={board.noticeReviews}
          byId={byId}
          onOpen={onOpen}
          now={now}
          tone="warning"
        />
      </div>
    </section>
  );
}

type DueListProps = {
  readonly id: string;
  readonly title: string;
  readonly help?: string;
  readonly items: readonly DashboardItem[];
  readonly byId: ReadonlyMap<string, Case>;
  readonly onOpen: OpenRoute;
  readonly now: number;
  readonly tone?: 'overdue' | 'warning';
};

function DueList({ id, title, help, items, byId, onOpen, now, tone }: DueListProps) {
  const { t } = useTranslation();
  const words = useProcedureWords();
  const { stage, term } = useTerms();
  const { dateTime, relative, number } = useLocaleFormat();
  const describe = (item: DashboardItem): string => {
    switch (item.kind) {
      case 'deadline':
        return words.period(item.period, item.label);
      case 'remedy':
        return t('dashboard.remedyItem', { remedy: term('remedies', item.label) });
      case 'emergency-sunset':
        return t('dashboard.sunsetItem');
      case 'notice-review':
        return item.dueMs <= now ? t('dashboard.noticeDueAgain') : t('dashboard.noticeReview');
      case 'purge':
        return t('dashboard.purgeItem');
    }
  };
  return (
    <section
      aria-labelledby={`due-${id}`}
      className={`due-list${tone ? ` due-list--${tone}` : ''}`}
      data-testid={`due-${id}`}
    >
      <h2 id={`due-${id}`}>
        {title} <span className="badge">{number(items.length)}</span>
      </h2>
      {help ? <p className="field__help">{help}</p> : null}
      {items.length === 0 ? (
        <p className="due-list__empty">{t('dashboard.nothing')}</p>
      ) : (
        <ul>
          {items.slice(0, 50).map((item) => {
            const iso = new Date(item.dueMs).toISOString();
            return (
              <li key={`${item.caseId}-${item.kind}-${item.label}-${item.dueMs}`}>
                <Button
                  className="due-item"
                  onPress={() => onOpen({ view: 'case', caseId: item.caseId, step: stepFor(item) })}
                >
                  <span className="due-item__ref mono">{item.reference}</span>
                  <span className="due-item__title">{byId.get(item.caseId)?.title || t('cases.untitled')}</span>
                  <span className="due-item__what">{describe(item)}</span>
                  <span className="due-item__meta">
                    {stage(item.stage)} · {dateTime(iso)} ({relative(iso, now)})
                  </span>
                </Button>
              </li>
            );
          })}
          {items.length > 50 ? (
            <li className="field__help">{t('dashboard.more', { count: items.length - 50 })}</li>
          ) : null}
        </ul>
      )}
    </section>
  );
}
