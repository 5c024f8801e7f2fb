import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { integrityDecisionLines, type IntegrityDecisionLine } from '../../vault/seal/integrity-decisions';
import type { VaultSession } from '../../vault/vault-session';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';

/**
 * Every time someone accepted a vault that had changed outside Casebridge: when, who, why, how much had changed, and
 * whether their signature holds. Shown only once there is one.
 */
export function IntegrityDecisions({ session }: { readonly session: VaultSession }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const [lines, setLines] = useState<readonly IntegrityDecisionLine[]>([]);
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        const read = await integrityDecisionLines(session.vault.db);
        if (alive()) setLines(read);
      },
      [session.vault.db],
    ),
  );
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="integrity-decisions-title" className="vault-settings">
      <h3 id="integrity-decisions-title">{t('vault.changed.decisions.heading')}</h3>
      <ol className="people-history" data-testid="integrity-decisions">
        {lines.map((line) => (
          <li key={line.signature} className={line.signed ? undefined : 'people-history__forged'}>
            <span className="field__help">{dateTime(line.at.toISOString())}</span>{' '}
            {t('vault.changed.decisions.line', { name: line.byName, reason: line.reason, count: line.findings.length })}{' '}
            <em>{t(line.signed ? 'vault.changed.decisions.signed' : 'vault.changed.decisions.forged')}</em>
          </li>
        ))}
      </ol>
    </section>
  );
}
