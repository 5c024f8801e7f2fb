import { useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { IntegrityFinding } from '@shared/vault/vault-seal';
import type { VaultService } from '../../vault/vault-service';
import { MAX_DECISION_REASON } from '../../vault/seal/integrity-decisions';
import { Field } from '../../components/Field';
import { useLocaleFormat, type LocaleFormat } from '../../components/useLocaleFormat';
import { vaultErrorMessage } from './vault-error-message';
import type { TFunction } from 'i18next';
import { namedTable } from '../../vault/named-tables';

/**
 * After an unlock that found the disk changed outside Casebridge (docs/vault.md, "Continuity"): what changed, table
 * by table and since when, and the choices — read only, restore a backup, or accept what is there with a reason.
 */
export function VaultChangedScreen({
  vault,
  onReadOnly,
  onAccepted,
}: {
  readonly vault: VaultService;
  readonly onReadOnly: () => void;
  readonly onAccepted: () => void;
}) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const findings = vault.integrityFindings;

  const accept = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (reason.trim().length === 0) {
      setError(t('vault.changed.reasonRequired'));
      return;
    }
    setSaving(true);
    const accepted = await vault.acceptVaultChanges(reason);
    setSaving(false);
    if (accepted.ok) onAccepted();
    else setError(vaultErrorMessage(t, accepted.error));
  };

  return (
    <main className="vault-screen vault-changed" aria-labelledby="vault-title">
      <h1 id="vault-title">{t('vault.changed.title')}</h1>
      <p className="lead">{t('vault.changed.intro')}</p>
      <h2>{t('vault.changed.foundTitle')}</h2>
      <ul className="vault-changed-findings">
        {findings.map((finding) => (
          <li key={findingKey(finding)}>{describeFinding(t, format, finding)}</li>
        ))}
      </ul>
      <h2>{t('vault.changed.choicesTitle')}</h2>
      <section aria-labelledby="vault-changed-read-only">
        <h3 id="vault-changed-read-only">{t('vault.changed.readOnlyTitle')}</h3>
        <p>{t('vault.changed.readOnlyBody')}</p>
        <Button className="button" onPress={onReadOnly}>
          {t('vault.changed.readOnly')}
        </Button>
      </section>
      <section aria-labelledby="vault-changed-restore">
        <h3 id="vault-changed-restore">{t('vault.changed.restoreTitle')}</h3>
        <p>{t('vault.changed.restoreBody')}</p>
      </section>
      <section aria-labelledby="vault-changed-accept">
        <h3 id="vault-changed-accept">{t('vault.changed.acceptTitle')}</h3>
        <p>{t('vault.changed.acceptBody')}</p>
        <form className="vault-form" onSubmit={(e) => void accept(e)} noValidate>
          <Field
            label={t('vault.changed.reason')}
            help={t('vault.changed.reasonHelp', { count: reason.length, max: MAX_DECISION_REASON })}
            value={reason}
            onChange={(value) => setReason(value.slice(0, MAX_DECISION_REASON))}
            multiline
            required
          />
          {error ? (
            <p role="alert" className="error">
              {error}
            </p>
          ) : null}
          <Button type="submit" className="button" isDisabled={saving}>
            {t('vault.changed.accept')}
          </Button>
        </form>
      </section>
    </main>
  );
}

function findingKey(finding: IntegrityFinding): string {
  return finding.kind === 'table-changed' ? `${finding.kind}:${finding.table}` : finding.kind;
}

function describeFinding(t: TFunction, format: LocaleFormat, finding: IntegrityFinding): string {
  switch (finding.kind) {
    case 'header-changed':
      return t('vault.changed.header', { since: format.dateTime(new Date(finding.changedAt).toISOString()) });
    case 'seal-missing':
      return t('vault.changed.sealMissing');
    case 'seal-unreadable':
      return t('vault.changed.sealUnreadable');
    case 'table-changed': {
      const known = namedTable(finding.table);
      const table = known ? t(`vault.changed.tables.${known}`) : t('vault.changed.tables.other');
      const since = format.dateTime(new Date(finding.changedAt).toISOString());
      if (finding.foundRows < finding.sealedRows)
        return t('vault.changed.fewer', { table, since, count: finding.sealedRows - finding.foundRows });
      if (finding.foundRows > finding.sealedRows)
        return t('vault.changed.more', { table, since, count: finding.foundRows - finding.sealedRows });
      return t('vault.changed.replaced', { table, since });
    }
  }
}
