import { useDeferredValue, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CASE_KINDS, CASE_STAGES } from '@shared/domain/case-stage';
import { dueWindow } from '@shared/deadlines/due-window';
import {
  CASE_SORTS,
  filterCases,
  NO_CRITERIA,
  STAGE_GROUPS,
  toCaseListRow,
  type CaseCriteria,
  type CaseFilter,
  type CaseListRow,
  type StageFilter,
} from '../../cases/case-list-row';
import { useAllCases, useCases, useNow } from '../../cases/CasesProvider';
import { officeTimeZone } from '../../cases/office-time-zone';
import type { CaseView } from '../../cases/saved-views';
import { Field, SelectField } from '../../components/Field';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useCountryName } from '../../components/useCountryName';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useTerms } from '../../components/useTerms';
import { VirtualList } from '../../components/VirtualList';
import { CaseScopeChoice } from '../../components/CaseScopeChoice';
import type { OpenRoute } from './case-route';
import { DueFilterField } from './DueFilterField';
import { SavedViewsBar } from './SavedViewsBar';

const ROW_HEIGHT = 56;
const LIST_HEIGHT = 520;
const STAGE_CHOICES: readonly StageFilter[] = [
  'all',
  ...(Object.keys(STAGE_GROUPS) as (keyof typeof STAGE_GROUPS)[]),
  ...CASE_STAGES,
];

/** All cases: search as you type, filters, saved views, sort; the list is virtualised so 10,000 cases stay smooth. */
export function CaseListScreen({ onOpen }: { readonly onOpen: OpenRoute }) {
  const { t } = useTranslation();
  const cases = useAllCases();
  const now = useNow();
  const summaries = useMemo(() => (cases ? cases.map((c) => toCaseListRow(c, now)) : null), [cases, now]);
  return (
    <section aria-labelledby="screen-title">
      <div className="section-header">
        <ScreenHeading>{t('cases.title')}</ScreenHeading>
        <Button className="button" onPress={() => onOpen({ view: 'new' })}>
          {t('cases.new')}
        </Button>
      </div>
      {summaries === null ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : (
        <CaseList summaries={summaries} onOpen={onOpen} now={now} />
      )}
    </section>
  );
}

export function CaseList({
  summaries,
  onOpen,
  now,
}: {
  readonly summaries: readonly CaseListRow[];
  readonly onOpen: OpenRoute;
  readonly now: number;
}) {
  const { t } = useTranslation();
  const { stage, kind } = useTerms();
  const { date, number } = useLocaleFormat();
  const countryName = useCountryName();
  const { scope, setScope, person, nameOf, profile } = useCases();
  const [criteria, setCriteria] = useState<CaseCriteria>(NO_CRITERIA);
  // The view last chosen, shown as chosen until a filter or the scope is changed by hand.
  const [chosen, setChosen] = useState<{ readonly value: string; readonly scope: CaseView['scope'] | null }>({
    value: '',
    scope: null,
  });
  const chosenView = chosen.scope === null || chosen.scope === scope ? chosen.value : '';
  const filter: CaseFilter = useMemo(
    () => ({ ...criteria, mineOf: scope === 'mine' ? (person?.id ?? '') : null }),
    [criteria, scope, person],
  );
  // Typing stays responsive: React renders the filtered list at lower priority than the keystroke.
  const deferred = useDeferredValue(filter);
  const timeZone = officeTimeZone(profile?.jurisdiction);
  const dueRange = useMemo(() => dueWindow(deferred.due, now, timeZone), [deferred.due, now, timeZone]);
  const shown = useMemo(() => filterCases(summaries, deferred, dueRange), [summaries, deferred, dueRange]);
  const partners = useMemo(
    () =>
      [...new Set(summaries.map((s) => s.partner).filter((p): p is string => p !== null))]
        .map((code) => ({ value: code, label: countryName(code) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [summaries, countryName],
  );
  const set = <K extends keyof CaseCriteria>(key: K, value: CaseCriteria[K]) => {
    setChosen({ value: '', scope: null });
    setCriteria((current) => ({ ...current, [key]: value }));
  };
  const chooseView = (value: string, view: CaseView | null) => {
    setChosen({ value, scope: view?.scope ?? null });
    if (view === null) return;
    setCriteria(view.criteria);
    setScope(view.scope);
  };
  return (
    <>
      <SavedViewsBar current={{ criteria, scope }} chosen={chosenView} onChoose={chooseView} />
      <div className="case-filters" role="search" aria-label={t('cases.searchLabel')}>
        <CaseScopeChoice />
        <div className="case-filters__search">
          <Field
            kind="search"
            label={t('cases.search')}
            help={t('cases.searchHelp')}
            value={filter.query}
            onChange={(v) => set('query', v)}
          />
        </div>
        <SelectField
          label={t('cases.kind')}
          value={filter.kind}
          onChange={(v) => set('kind', CASE_KINDS.find((k) => k === v) ?? 'all')}
          options={[{ value: 'all', label: t('cases.all') }, ...CASE_KINDS.map((k) => ({ value: k, label: kind(k) }))]}
        />
        <SelectField
          label={t('cases.stage')}
          value={filter.stage}
          onChange={(v) => set('stage', STAGE_CHOICES.find((s) => s === v) ?? 'all')}
          options={STAGE_CHOICES.map((s) => ({
            value: s,
            label:
              s === 'all' ? t('cases.all') : s === 'redress-queue' ? t('cases.stageGroup.redress-queue') : stage(s),
          }))}
        />
        <SelectField
          label={t('cases.partner')}
          value={filter.partner}
          onChange={(v) => set('partner', v)}
          options={[{ value: 'all', label: t('cases.all') }, ...partners]}
        />
        <DueFilterField value={filter.due} onChange={(due) => set('due', due)} />
        <SelectField
          label={t('cases.sort')}
          value={filter.sort}
          onChange={(v) => set('sort', CASE_SORTS.find((s) => s === v) ?? 'updated')}
          options={CASE_SORTS.map((s) => ({ value: s, label: t(`cases.sortBy.${s}`) }))}
        />
      </div>
      <p role="status" className="case-count" data-testid="case-count">
        {t('cases.count', { shown: number(shown.length), total: number(summaries.length) })}
      </p>
      {shown.length === 0 ? (
        <p className="empty">{summaries.length === 0 ? t('cases.empty') : t('cases.noMatch')}</p>
      ) : (
        <>
          <div className="case-row case-row--head" aria-hidden="true">
            <span>{t('cases.reference')}</span>
            <span>{t('cases.titleColumn')}</span>
            <span>{t('cases.stage')}</span>
            <span>{t('cases.partner')}</span>
            <span>{t('cases.nextDue')}</span>
          </div>
          <VirtualList
            items={shown}
            rowHeight={ROW_HEIGHT}
            height={Math.min(LIST_HEIGHT, shown.length * ROW_HEIGHT)}
            label={t('cases.listLabel')}
            getKey={(s) => s.id}
            onActivate={(s) => onOpen({ view: 'case', caseId: s.id })}
            renderRow={(s) => (
              <div className="case-row">
                <span className="mono case-row__reference">{s.reference}</span>
                <span className="case-row__title">
                  <span className="case-row__line" title={s.title}>
                    {s.title || t('cases.untitled')}
                  </span>
                  <small className="case-row__line">
                    {[
                      kind(s.kind),
                      s.people,
                      s.platform,
                      s.ownerId ? t('cases.ownedBy', { name: nameOf(s.ownerId) }) : t('cases.unassigned'),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </small>
                </span>
                <span className="case-row__wrap">{stage(s.stage)}</span>
                <span className="case-row__wrap">{s.partner ? countryName(s.partner) : '—'}</span>
                <span className="case-row__due">
                  <span className={s.overdue ? 'overdue-text' : undefined}>
                    {s.nextDueAt ? date(s.nextDueAt) : '—'}
                    {s.overdue ? ` · ${t('cases.overdue')}` : ''}
                  </span>
                  {s.partnerOverdue ? (
                    <small className="case-row__line" title={t('cases.awaitingPartner')}>
                      {t('cases.partnerLate')}
                    </small>
                  ) : null}
                </span>
              </div>
            )}
          />
        </>
      )}
    </>
  );
}
