import { useCallback, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { fromHex } from '@shared/bytes/bytes';
import { formatFingerprint, officeFingerprint } from '@shared/offices/fingerprint';
import { DRILL_REASONS, type DrillReason } from '@shared/offices/key-rotation';
import type { GrantedFolder } from '@shared/ipc/contract';
import { useCases } from '../../cases/CasesProvider';
import { useExchange } from '../../exchange/ExchangeProvider';
import { drillRecordOf, loadRetiredKeys, rotateOwnOffice, type DrillRecord } from '../../offices/own-office-rotation';
import { partnerFingerprint } from '../../offices/partner-offices';
import { writeDrillFiles } from '../../offices/write-drill-files';
import { Field } from '../../components/Field';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';
import { DestinationPicker } from '../exchange/DestinationPicker';
import { DrillSlipView, type DrillSlip } from './DrillSlipView';

type Message = { readonly ok: boolean; readonly text: string } | null;

/** "2026-11-20" from a date input → the start of that day, local time. */
function startOfDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

/**
 * Settings → "A laptop of this office was lost or stolen": replaces the office key (the old key signs the new card
 * and its own revocation), then writes both to a drive with a slip naming the partners to give them to.
 */
export function LostLaptopDrillPanel() {
  const { t } = useTranslation();
  const { profile } = useCases();
  const { deps, trust, reloadOwn } = useExchange();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<DrillReason>('superseded');
  const [day, setDay] = useState('');
  const [note, setNote] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retired, setRetired] = useState<DrillRecord | null>(null);
  /** Once a drill was run here, its outcome comes first and the form waits behind "Another laptop…". */
  const [again, setAgain] = useState(false);

  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        if (!deps || !open) return;
        // Every record loses its private half at once; the newest drill is shown.
        const [latest] = (await loadRetiredKeys(deps.db)).map((keys) => drillRecordOf(deps.kit, keys));
        if (alive() && latest) setRetired((shown) => shown ?? latest);
      },
      [deps, open],
    ),
  );

  const run = async () => {
    if (!deps || !profile) return;
    const revokedAt = startOfDay(day);
    if (revokedAt === null) return setError(t('drill.errors.dateMissing'));
    setBusy(true);
    setError(null);
    const trimmed = note.trim();
    const result = await rotateOwnOffice(
      deps.db,
      deps.kit,
      profile,
      { reason, revokedAt, ...(trimmed ? { note: trimmed } : {}) },
      deps.now(),
    );
    setBusy(false);
    if (!result.ok)
      return setError(
        result.error.code === 'DRILL_DATE_FUTURE' || result.error.code === 'DRILL_DATE_BEFORE_KEY'
          ? t(`drill.errors.${result.error.code}`)
          : t('drill.errors.failed', { message: result.error.message }),
      );
    setRetired(result.value);
    setUnderstood(false);
    setDay('');
    setNote('');
    setAgain(false);
    reloadOwn();
  };

  return (
    <section className="panel" aria-labelledby="drill-heading" data-testid="lost-laptop-drill">
      <h2 id="drill-heading">{t('drill.title')}</h2>
      {!open ? (
        <Button className="button button--quiet" onPress={() => setOpen(true)}>
          {t('drill.open')}
        </Button>
      ) : (
        <>
          {retired ? <DrillOutcome retired={retired} partners={trust} /> : null}
          {retired && !again ? (
            <Button className="button button--quiet" onPress={() => setAgain(true)}>
              {t('drill.again')}
            </Button>
          ) : (
            <>
              <p>{t('drill.intro')}</p>
              <fieldset className="choice-group">
                <legend>{t('drill.reasonLegend')}</legend>
                {DRILL_REASONS.map((option) => (
                  <label key={option} className="choice">
                    <input
                      type="radio"
                      name="drill-reason"
                      value={option}
                      checked={reason === option}
                      onChange={() => setReason(option)}
                    />
                    {t(`drill.reasons.${option}`)}
                  </label>
                ))}
              </fieldset>
              {reason === 'compromised' ? <p className="warning">{t('drill.compromisedHint')}</p> : null}
              <Field
                kind="date"
                label={t('drill.dateLabel')}
                help={t('drill.dateHint')}
                value={day}
                onChange={setDay}
              />
              <Field multiline label={t('drill.noteLabel')} value={note} onChange={setNote} rows={2} />
              <label className="choice">
                <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
                {t('drill.confirm')}
              </label>
              <div className="vault-actions">
                <Button className="button" onPress={() => void run()} isDisabled={!understood || busy || !deps}>
                  {busy ? t('drill.running') : t('drill.run')}
                </Button>
                <Button className="button button--quiet" onPress={() => setOpen(false)} isDisabled={busy}>
                  {t('drill.cancel')}
                </Button>
              </div>
            </>
          )}
          <div aria-live="polite">
            {error ? (
              <p role="alert" className="error">
                {error}
              </p>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}

/** After the drill: write the two files (again, if need be) and print the slip. */
function DrillOutcome({
  retired,
  partners,
}: {
  readonly retired: DrillRecord;
  readonly partners: ReturnType<typeof useExchange>['trust'];
}) {
  const { t } = useTranslation();
  const { deps } = useExchange();
  const format = useLocaleFormat();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  if (!deps) return null;
  const { statement } = retired.revocation;
  const revokedFrom = format.date(new Date(statement.revokedAt).toISOString());
  const reason = t(`offices.revocationReasons.${statement.reason}`);
  const slip: DrillSlip = {
    officeName: retired.card.card.name,
    jurisdiction: retired.card.card.jurisdiction,
    oldFingerprint: formatFingerprint(officeFingerprint(deps.kit, retired.signingPublicKey)),
    newFingerprint: formatFingerprint(
      officeFingerprint(deps.kit, fromHex(retired.successor, 32) ?? new Uint8Array(32)),
    ),
    revokedFrom,
    reason,
    fileNames: retired.files.map((file) => file.fileName),
    partners: Object.entries(partners)
      .filter(([, office]) => office.state !== 'revoked')
      .map(([key, office]) => ({
        key,
        name: office.card.card.name,
        jurisdiction: office.card.card.jurisdiction,
        fingerprint: partnerFingerprint(deps.kit, office),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
  const write = async (folder: GrantedFolder) => {
    setBusy(true);
    setMessage(null);
    const written = await writeDrillFiles(deps.kit, deps.shell.exchange, folder.folderToken, retired.files);
    setBusy(false);
    setMessage(
      written.ok
        ? { ok: true, text: t('drill.written', { files: written.value.map((file) => file.fileName).join(', ') }) }
        : { ok: false, text: t('drill.writeFailed', { message: written.error }) },
    );
  };
  return (
    <div className="drill-outcome" data-testid="drill-outcome">
      <h3>{t('drill.doneHeading')}</h3>
      <p>{t('drill.doneIntro', { date: revokedFrom, reason })}</p>
      <DestinationPicker
        shell={deps.shell}
        label={t('drill.writeLabel')}
        onPicked={(folder) => void write(folder)}
        isDisabled={busy}
      />
      <div aria-live="polite">
        {message ? (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'success' : 'error'}>
            {message.text}
          </p>
        ) : null}
      </div>
      <DrillSlipView slip={slip} fileId={retired.successor.slice(0, 8)} />
    </div>
  );
}
