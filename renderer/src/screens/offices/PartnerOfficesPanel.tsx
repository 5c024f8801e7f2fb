import { useCallback, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { fromHex } from '@shared/bytes/bytes';
import { fingerprintQrText, formatFingerprint } from '@shared/offices/fingerprint';
import { fingerprintOf, markVerified, type PartnerOffice } from '@shared/offices/trust-store';
import type { BundleFile, GrantedFolder } from '@shared/ipc/contract';
import { ok } from '@shared/result';
import { termLabel } from '@shared/vocab/vocabulary';
import { useShellCall } from '../../hooks/useShellCall';
import { useExchange } from '../../exchange/ExchangeProvider';
import { exportOwnKeyCard, importKeyCardFile } from '../../offices/key-card-files';
import { DestinationPicker } from '../exchange/DestinationPicker';
import { FingerprintView } from './FingerprintView';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { keyCardImportText } from './key-card-import-text';
import { OversightBodyChoice } from '../oversight/OversightBodyChoice';

type Message = { readonly ok: boolean; readonly text: string } | null;

type Props = {
  /**
   * In the training office: the sample partners are listed, compared and revoked like real ones, but no key card is
   * exported or imported (nothing leaves or enters the training office; docs/training-office.md).
   */
  readonly training?: boolean;
};

/** Settings → Partner offices: our key card and fingerprint, partners' cards, verification and revocation. */
export function PartnerOfficesPanel({ training = false }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const { own, trust, updateTrust, reloadTrust, deps } = useExchange();
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<{ drive: string; files: BundleFile[] } | null>(null);
  const listRemovable = useCallback(() => (deps ? deps.shell.media.listRemovable() : Promise.resolve(ok([]))), [deps]);
  const [drives] = useShellCall(listRemovable);
  const mounted = drives.status === 'done' && drives.result.ok ? drives.result.value : [];

  const exportCard = async (folder: GrantedFolder) => {
    if (!deps) return;
    setBusy(true);
    setMessage(null);
    const written = await exportOwnKeyCard(deps.kit, deps.shell, deps.own, folder.folderToken, deps.now());
    setBusy(false);
    setMessage(
      written.ok
        ? { ok: true, text: t('offices.cardSaved', { path: written.value.written.path }) }
        : { ok: false, text: written.error.message },
    );
  };

  const importCard = async () => {
    if (!deps) return;
    setMessage(null);
    const picked = await deps.shell.exchange.chooseBundleFile();
    if (!picked.ok) return setMessage({ ok: false, text: picked.error.message });
    if (picked.value) await importFile(picked.value);
  };

  const scanDrive = async (mountPoint: string, label: string) => {
    if (!deps) return;
    setMessage(null);
    const granted = await deps.shell.exchange.useVolume({ mountPoint });
    if (!granted.ok) return setMessage({ ok: false, text: granted.error.message });
    const listed = await deps.shell.exchange.listBundles({ folderToken: granted.value.folderToken });
    if (!listed.ok) return setMessage({ ok: false, text: listed.error.message });
    // Key-card files are named so by the exporting app; anything else on the stick is left alone here.
    setFound({ drive: label, files: listed.value.filter((file) => file.name.includes('key-card')) });
  };

  const importFile = async (file: BundleFile) => {
    if (!deps) return;
    setBusy(true);
    const imported = await importKeyCardFile(
      deps.kit,
      deps.shell,
      deps.db,
      deps.own,
      trust,
      file.fileToken,
      deps.now(),
    );
    setBusy(false);
    if (!imported.ok)
      return setMessage({
        ok: false,
        text: keyCardImportText(t, dateTime, imported.error),
      });
    await reloadTrust();
    setMessage({
      ok: true,
      text: t(`offices.imported.${imported.value.outcome}`, { office: imported.value.office.card.card.name }),
    });
  };

  return (
    <section className="panel partner-offices" aria-labelledby="partner-offices-heading">
      <h2 id="partner-offices-heading">{t('offices.title')}</h2>
      <h3>{t('offices.ownHeading')}</h3>
      {own.status === 'loading' ? <p>{t('offices.loading')}</p> : null}
      {own.status === 'failed' ? (
        <p role="alert" className="error">
          {own.message}
        </p>
      ) : null}
      {own.status === 'ready' ? (
        <>
          <p>{t('offices.ownIntro', { office: own.own.card.card.name })}</p>
          <FingerprintView
            groups={own.own.fingerprint}
            qrText={fingerprintQrText(own.own.signer.publicKey)}
            officeName={own.own.card.card.name}
            testId="own-fingerprint"
          />
          {training ? null : <h4>{t('offices.exportCard')}</h4>}
          {deps && !training ? (
            <DestinationPicker
              shell={deps.shell}
              label={t('offices.exportCard')}
              onPicked={(folder) => void exportCard(folder)}
              isDisabled={busy}
            />
          ) : null}
        </>
      ) : null}
      <h3>{t('offices.partnersHeading')}</h3>
      {training ? <p className="hint">{t('offices.samplePartners')}</p> : null}
      {training ? null : (
        <>
          <div className="vault-actions">
            <Button className="button" onPress={() => void importCard()} isDisabled={busy || !deps}>
              {t('offices.importCard')}
            </Button>
            {mounted.map((drive) => (
              <Button
                key={drive.mountPoint}
                className="button button--quiet"
                onPress={() => void scanDrive(drive.mountPoint, drive.label)}
                isDisabled={busy || !deps}
              >
                {t('exchange.import.scanDrive', { drive: drive.label })}
              </Button>
            ))}
          </div>
          {found ? (
            found.files.length === 0 ? (
              <p className="empty">{t('offices.noCardsOnDrive', { drive: found.drive })}</p>
            ) : (
              <ul className="bundle-list" aria-label={t('exchange.import.onDrive', { drive: found.drive })}>
                {found.files.map((file) => (
                  <li key={file.fileToken}>
                    <span className="mono">{file.name}</span>
                    <Button className="button button--quiet" onPress={() => void importFile(file)} isDisabled={busy}>
                      {t('offices.importThis')}
                    </Button>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </>
      )}
      <div aria-live="polite">
        {message ? (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'success' : 'error'}>
            {message.text}
          </p>
        ) : null}
      </div>
      {Object.keys(trust).length === 0 ? (
        <p className="empty">{t('offices.none')}</p>
      ) : (
        <ul className="partner-list">
          {Object.entries(trust)
            .sort(([, a], [, b]) => a.card.card.name.localeCompare(b.card.card.name))
            .map(([key, office]) => (
              <PartnerRow
                key={key}
                signingKey={key}
                office={office}
                onChange={async (next) => setMessage(next)}
                updateTrust={updateTrust}
                trust={trust}
              />
            ))}
        </ul>
      )}
    </section>
  );
}

type RowProps = {
  readonly signingKey: string;
  readonly office: PartnerOffice;
  readonly trust: ReturnType<typeof useExchange>['trust'];
  readonly updateTrust: ReturnType<typeof useExchange>['updateTrust'];
  readonly onChange: (message: Message) => Promise<void>;
};

function PartnerRow({ signingKey, office, trust, updateTrust, onChange }: RowProps) {
  const { t } = useTranslation();
  const { deps } = useExchange();
  const [comparing, setComparing] = useState(false);
  const [matches, setMatches] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const format = useLocaleFormat();
  const name = office.card.card.name;
  const jurisdiction = office.card.card.jurisdiction;
  // A country by its name in the reader's language; the European Union and international bodies by catalog words.
  const place =
    jurisdiction === 'EU' || jurisdiction === 'INT'
      ? t(`offices.jurisdictions.${jurisdiction}`)
      : termLabel('jurisdictions', jurisdiction, format.language);
  const groups = deps ? fingerprintOf(deps.kit, office.card) : [];

  const verify = async () => {
    if (!deps) return;
    const next = markVerified(deps.kit, trust, signingKey, formatFingerprint(groups), deps.now());
    if (!next.ok) return onChange({ ok: false, text: next.error.message });
    const failed = await updateTrust(next.value);
    setComparing(false);
    await onChange(
      failed ? { ok: false, text: failed } : { ok: true, text: t('offices.verifiedDone', { office: name }) },
    );
  };

  const revoke = async () => {
    if (!deps) return;
    // A local decision to stop trusting this key (the office's own signed revocation arrives as a bundle).
    const failed = await updateTrust({
      ...trust,
      // Without verifiedAt, bundles this key signed earlier are refused too: the office stated no date.
      [signingKey]: {
        ...office,
        state: 'revoked',
        revokedAt: deps.now(),
        revocationReason: 'retired',
        verifiedAt: undefined,
      },
    });
    setConfirmRevoke(false);
    await onChange(
      failed ? { ok: false, text: failed } : { ok: true, text: t('offices.revokedDone', { office: name }) },
    );
  };

  return (
    <li className="partner" aria-label={name}>
      <div className="partner__summary">
        <strong>{name}</strong>
        <span>{place}</span>
        <span className={office.state === 'verified' ? 'badge' : 'badge badge--warn'} data-testid="trust-state">
          {t(`offices.states.${office.state}`)}
        </span>
      </div>
      <p className="hint partner__fingerprint">
        {t('offices.fingerprintLine', { fingerprint: formatFingerprint(groups) })}
      </p>
      {office.state === 'revoked' && office.revokedAt !== undefined ? (
        <p className="hint" data-testid="revoked-from">
          {t('offices.revokedFrom', {
            date: format.dateTime(new Date(office.revokedAt).toISOString()),
            reason: t(`offices.revocationReasons.${office.revocationReason ?? 'retired'}`),
          })}
        </p>
      ) : null}
      <OversightBodyChoice signingKey={signingKey} office={office} />
      {office.state === 'unverified' && !comparing ? (
        <Button className="button" onPress={() => setComparing(true)}>
          {t('offices.compare')}
        </Button>
      ) : null}
      {comparing ? (
        <div className="partner__compare">
          <p>{t('offices.compareIntro', { office: name })}</p>
          <FingerprintView
            groups={groups}
            qrText={fingerprintQrText(fromHex(signingKey, 32) ?? new Uint8Array(32))}
            officeName={name}
          />
          <label className="choice">
            <input type="checkbox" checked={matches} onChange={(event) => setMatches(event.target.checked)} />
            {t('offices.digitsMatch', { office: name })}
          </label>
          <div className="vault-actions">
            <Button className="button" onPress={() => void verify()} isDisabled={!matches}>
              {t('offices.markVerified')}
            </Button>
            <Button className="button button--quiet" onPress={() => setComparing(false)}>
              {t('offices.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {office.state !== 'revoked' ? (
        confirmRevoke ? (
          <div className="warning">
            <p>{t('offices.revokeWarning', { office: name })}</p>
            <div className="vault-actions">
              <Button className="button" onPress={() => void revoke()}>
                {t('offices.revokeConfirm')}
              </Button>
              <Button className="button button--quiet" onPress={() => setConfirmRevoke(false)}>
                {t('offices.cancel')}
              </Button>
            </div>
          </div>
        ) : (
          <Button className="button button--quiet" onPress={() => setConfirmRevoke(true)}>
            {t('offices.revoke')}
          </Button>
        )
      ) : null}
    </li>
  );
}
