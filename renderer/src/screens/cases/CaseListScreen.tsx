import { useDeferredValue, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CASE_KINDS, CASE_STAGES } from '@shared/domain/case-stage';
import {
  filterCases,
  NO_FILTER,
  toCaseListRow,
  type CaseFilter,
  type CaseSort,
  type CaseListRow,
} from '../../cases/case-list-row';
import { useAllCases, useCases, useNow } from '../../cases/CasesProvider';
import { Field, SelectField } from '../../components/Field';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useTerms } from '../../components/useTerms';
import { VirtualList } from '../../components/VirtualList';
import { CaseScopeChoice } from '../../components/CaseScopeChoice';
import type { OpenRoute } from './case-route';

const ROW_HEIGHT = 56;
const LIST_HEIGHT = 520;

/** All cases: search as you type, filters, sort; the list is virtualised so 10,000 cases stay smooth. */
export function CaseListScreen({ onOpen }: { readonly onOpen: OpenRoute }) {
  const { t } = useTranslation();
  const { settings } = useCases();
  const cases = useAllCases();
  const now = useNow();
  const summaries = useMemo(
    () => (cases ? cases.map((c) => toCaseListRow(c, now, settings)) : null),
    [cases, now, settings],
  );
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
        <CaseList summaries={summaries} onOpen={onOpen} />
      )}
    </section>
  );
}

export function CaseList({
  summaries,
  onOpen,
}: {
  readonly summaries: readonly CaseListRow[];
  readonly onOpen: OpenRoute;
}) {
  const { t } = useTranslation();
  const { stage, kind } = useTerms();
  const { date, number } = useLocaleFormat();
  const { scope, person, nameOf } = useCases();
  const [criteria, setFilter] = useState<CaseFilter>(NO_FILTER);
  const filter = useMemo(
    () => ({ ...criteria, mineOf: scope === 'mine' ? (person?.id ?? '') : null }),
    [criteria, scope, person],
  );
  // Typing stays responsive: React renders the filtered list at lower priority than the keystroke.
  const deferred = useDeferredValue(filter);
  const shown = useMemo(() => filterCases(summaries, deferred), [summaries, deferred]);
  const partners = useMemo(
    () => [...new Set(summaries.map((s) => s.partner).filter((p): p is string => p !== null))].sort(),
    [summaries],
  );
  const set = <K extends keyof CaseFilter>(key: K, value: CaseFilter[K]) =>
    setFilter((current) => ({ ...current, [key]: value }));
  return (
    <>
      <div className="case-filters" role="search" aria-label={t('cases.searchLabel')}>
        <CaseScopeChoice />
        <Field
          kind="search"
          label={t('cases.search')}
          help={t('cases.searchHelp')}
          value={filter.query}
          onChange={(v) => set('query', v)}
        />
        <SelectField
          label={t('cases.kind')}
          value={filter.kind}
          onChange={(v) => set('kind', CASE_KINDS.find((k) => k === v) ?? 'all')}
          options={[{ value: 'all', label: t('cases.all') }, ...CASE_KINDS.map((k) => ({ value: k, label: kind(k) }))]}
        />
        <SelectField
          label={t('cases.stage')}
          value={filter.stage}
          onChange={(v) => set('stage', CASE_STAGES.find((s) => s === v) ?? 'all')}
          options={[
            { value: 'all', label: t('cases.all') },
            ...CASE_STAGES.map((s) => ({ value: s, label: stage(s) })),
          ]}
        />
        <SelectField
          label={t('cases.partner')}
          value={filter.partner}
          onChange={(v) => set('partner', v)}
          options={[{ value: 'all', label: t('cases.all') }, ...partners.map((p) => ({ value: p, label: p }))]}
        />
        <SelectField
          label={t('cases.sort')}
          value={filter.sort}
          onChange={(v) => set('sort', (['updated', 'reference', 'due'] as const).find((s) => s === v) ?? 'updated')}
          options={(['updated', 'reference', 'due'] satisfies CaseSort[]).map((s) => ({
            value: s,
            label: t(`cases.sortBy.${s}`),
          }))}
        />
        <label className="choice case-filters__overdue">
          <input type="checkbox" checked={filter.overdueOnly} onChange={(e) => set('overdueOnly', e.target.checked)} />
          {t('cases.overdueOnly')}
        </label>
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
                <span className="mono">{s.reference}</span>
                <span className="case-row__title">
                  {s.title || t('cases.untitled')}
                  <small>
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
                <span>{stage(s.stage)}</span>
                <span>{s.partner ?? '—'}</span>
                <span className={s.overdue ? 'overdue-text' : undefined}>
                  {s.nextDueAt ? date(s.nextDueAt) : '—'}
                  {s.overdue ? ` · ${t('cases.overdue')}` : ''}
                </span>
              </div>
            )}
          />
        </>
      )}
    </>
  );
}
