import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { useCases } from '../../cases/CasesProvider';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useTerms } from '../../components/useTerms';
import type { OpenRoute } from '../cases/case-route';

/** The redress officer's queue: challenges waiting for a reviewer, and reviews this officer holds. */
export function RedressQueue({ cases, onOpen }: { readonly cases: readonly Case[]; readonly onOpen: OpenRoute }) {
  const { t } = useTranslation();
  const { actor } = useCases();
  const { stage, term } = useTerms();
  const { date } = useLocaleFormat();
  const queue = cases
    .filter((c) => c.stage === 'challenge-lodged' || (c.stage === 'redress-review' && c.review?.officerId === actor.id))
    .sort((a, b) => (a.challenge?.lodgedAt ?? '').localeCompare(b.challenge?.lodgedAt ?? ''));
  return (
    <section aria-labelledby="redress-queue" className="redress-queue" data-testid="redress-queue">
      <h2 id="redress-queue">
        {t('redress.queue')} <span className="badge">{queue.length}</span>
      </h2>
      {queue.length === 0 ? (
        <p className="due-list__empty">{t('redress.queueEmpty')}</p>
      ) : (
        <ul>
          {queue.map((c) => (
            <li key={c.id}>
              <Button className="due-item" onPress={() => onOpen({ view: 'case', caseId: c.id, step: 'redress' })}>
                <span className="due-item__ref mono">{c.references.local}</span>
                <span className="due-item__title">{c.title || t('cases.untitled')}</span>
                <span className="due-item__what">
                  {c.challenge?.grounds.map((g) => term('challenge-grounds', g)).join(', ')}
                </span>
                <span className="due-item__meta">
                  {stage(c.stage)}
                  {c.challenge ? ` · ${t('redress.lodgedOn', { date: date(c.challenge.lodgedAt) })}` : ''}
                  {c.caseworkerIds.includes(actor.id) ? ` · ${t('redress.conflict')}` : ''}
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
