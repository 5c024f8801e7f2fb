import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useCaseWithTrail } from '../../cases/CasesProvider';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useExchange } from '../../exchange/ExchangeProvider';
import { ExportPanel } from './ExportPanel';

/**
 * Under an open case: its thread with the other office, every bundle sent and received for it in order (request,
 * receipts, response, challenge, decision), to or from whom, when, under which reference and with which fields;
 * then "Send as a bundle…" with the same export dialog as the Exchange screen.
 */
export function CaseExchangeSection({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const loaded = useCaseWithTrail(caseId);
  const { ledger } = useExchange();
  const [open, setOpen] = useState(false);
  const c = loaded?.case;
  if (!c) return null;
  const entries = ledger.filter((entry) => entry.caseId === caseId).sort((a, b) => a.recordedAt - b.recordedAt);
  return (
    <section className="panel no-print" aria-labelledby="case-exchange-heading">
      <h2 id="case-exchange-heading">{t('exchange.caseSection.heading')}</h2>
      {entries.length === 0 ? (
        <p className="hint">{t('exchange.caseSection.none')}</p>
      ) : (
        <ol className="bundle-list" aria-label={t('exchange.caseSection.heading')}>
          {entries.map((entry) => (
            <li key={entry.id}>
              <span>
                {t(entry.direction === 'sent' ? 'exchange.caseSection.sent' : 'exchange.caseSection.received', {
                  kind: t(`exchange.kinds.${entry.kind}`),
                  office: entry.peerName,
                  date: dateTime(new Date(entry.recordedAt).toISOString()),
                })}
                {entry.caseRef ? ` — ${t('exchange.caseSection.reference', { reference: entry.caseRef })}` : ''}
                {entry.shared && entry.shared.fields.length + entry.shared.files.length > 0
                  ? ` — ${t('exchange.caseSection.shared', { fields: entry.shared.fields.map((field) => t(`exchange.fields.${field}`)).join(', ') || '—', files: entry.shared.files.join(', ') || '—' })}`
                  : ''}
              </span>
              <span className="badge">{t(`exchange.ledger.states.${entry.status}`)}</span>
            </li>
          ))}
        </ol>
      )}
      <Button className="button button--quiet" aria-expanded={open} onPress={() => setOpen(!open)}>
        {t('exchange.caseSection.send')}
      </Button>
      {open ? <ExportPanel c={c} /> : null}
    </section>
  );
}
