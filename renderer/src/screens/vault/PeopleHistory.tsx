import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PersonHistory } from '../../vault/persons-store';
import type { VaultSession } from '../../vault/vault-session';
import { useLocaleFormat } from '../../components/useLocaleFormat';

/**
 * Every change to who may do what — people added, roles granted and revoked, access reset or removed — each with the
 * administrator who made it and whether their signature holds. A forged line is named, not hidden.
 */
export function PeopleHistory({ session }: { readonly session: VaultSession }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const [history, setHistory] = useState<PersonHistory | null>(null);
  const show = async () => setHistory(await session.vault.people.personHistory());
  const lines = history?.lines ?? null;
  const forged = lines?.filter((line) => line.verdict === 'forged') ?? [];
  const unbacked = history?.unbacked ?? [];
  return (
    <section aria-labelledby="people-history-title" className="vault-settings">
      <h3 id="people-history-title">{t('vault.people.history.heading')}</h3>
      {lines === null ? (
        <Button className="button button--quiet" onPress={() => void show()}>
          {t('vault.people.history.show')}
        </Button>
      ) : (
        <>
          <p
            role={forged.length + unbacked.length > 0 ? 'alert' : 'status'}
            className={forged.length + unbacked.length > 0 ? 'error' : 'success'}
          >
            {forged.length > 0
              ? t('vault.people.history.forged', { count: forged.length })
              : t('vault.people.history.verified', { count: lines.length })}
            {unbacked.map((u) => (
              <span key={`${u.personName}-${u.role}`}>
                {' '}
                {t('vault.people.history.unbacked', { name: u.personName, role: t(`people.roles.${u.role}`) })}
              </span>
            ))}
          </p>
          <ol className="people-history" data-testid="people-history">
            {lines.map((line, index) => (
              <li key={index} className={line.verdict === 'forged' ? 'people-history__forged' : undefined}>
                <span className="field__help">{dateTime(line.at.toISOString())}</span>{' '}
                {t(`vault.people.history.change.${line.change}`, {
                  by: line.byName,
                  name: line.personName,
                  role: line.role ? t(`people.roles.${line.role}`) : '',
                })}{' '}
                <em>{t(`vault.people.history.verdict.${line.verdict}`)}</em>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
