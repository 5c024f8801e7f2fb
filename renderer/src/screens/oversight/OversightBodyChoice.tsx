import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PartnerOffice } from '@shared/offices/trust-store';
import { useCases } from '../../cases/CasesProvider';
import { useExchange } from '../../exchange/ExchangeProvider';
import { chooseOversightBody } from '../../oversight/office-oversight-store';
import { useOfficeOversight } from './useOfficeOversight';

/**
 * In a partner's row: whether it is our oversight body, and for an administrator, a verified partner's button to
 * make it so (an unverified one cannot be chosen: its fingerprint was never compared).
 */
export function OversightBodyChoice({
  signingKey,
  office,
}: {
  readonly signingKey: string;
  readonly office: PartnerOffice;
}) {
  const { t } = useTranslation();
  const { session, trust } = useExchange();
  const { person } = useCases();
  const oversight = useOfficeOversight();
  const [error, setError] = useState<string | null>(null);
  if (oversight === undefined) return null;
  const name = office.card.card.name;
  if (oversight.body?.signingKey === signingKey)
    return (
      <p className="badge" data-testid="oversight-body">
        {t('oversight.office.isOurBody')}
      </p>
    );
  if (office.state !== 'verified' || !person?.roles.includes('administrator')) return null;
  const choose = async () => {
    setError(null);
    const chosen = await chooseOversightBody(session.vault.db, session.vault.kit, trust, {
      signingKey,
      by: person.id,
      isAdministrator: person.roles.includes('administrator'),
      now: Date.now(),
    });
    if (!chosen.ok) setError(t(`oversight.office.chooseErrors.${chosen.error.code}`, { office: name }));
  };
  return (
    <>
      <Button className="button button--quiet" onPress={() => void choose()}>
        {t('oversight.office.makeOurBody', { office: name })}
      </Button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </>
  );
}
