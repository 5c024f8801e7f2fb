import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { BUNDLE_ARCHIVE_FOLDER, type BundleFile, type RemovableVolume } from '@shared/ipc/contract';
import { useExchange } from '../../exchange/ExchangeProvider';
import { useInbox } from '../../exchange/inbox-scan';
import { archiveInboxFile } from '../../exchange/inbox-archive';
import { InboxTable } from './InboxTable';
import { ApplyOutcome } from './ApplyOutcome';
import { RefuseWithReceipt } from './RefuseWithReceipt';
import { refusalReason } from './refusal-reason';
import { previewValues } from './preview-values';
import { applyErrorText } from './apply-error-text';
import { alreadyImportText, refusedImportText } from './import-refusal-text';
import { useWorkflowMessage } from '../../components/useWorkflowMessage';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useTerms } from '../../components/useTerms';
import type { RefusableBundle } from '@shared/exchange/refusal-receipt';
import type { OpenRoute } from '../cases/case-route';
import { afterApply, type AfterApply, type BundleSource } from '../../exchange/after-apply';
import {
  applyImport,
  applyRevocationImport,
  discardImport,
  prepareImport,
  type PreparedImport,
} from '../../exchange/import-bundle';
import { applyRecommendationImport } from '../../exchange/recommendation-exchange';

type Outcome =
  | { readonly tone: 'success' | 'info'; readonly text: string }
  /** `refusable`: verified but not applicable, so the sender may be answered with a refusal receipt. */
  /** `code`: the refusal's stable code, kept off the screen but on the element, for support and tests. */
  | { readonly tone: 'error'; readonly text: string; readonly code?: string; readonly refusable?: RefusableBundle }
  | { readonly tone: 'applied'; readonly text: string; readonly next: AfterApply }
  | null;

/** Archive error codes with their own words in the catalog (`exchange.inbox.archiveErrors.<code>`). */
const ARCHIVE_ERRORS = [
  'volume-gone',
  'not-found',
  'read-only',
  'volume-full',
  'not-granted',
  'not-processed',
] as const;

/**
 * Importing: a bundle file picked in the dialog or found on a drive is verified completely first; the
 * preview shows what would change; only "Apply" stores it, in one transaction. Every refusal says why.
 */
export function ImportPanel({
  drives,
  onOpenCase,
}: {
  readonly drives: readonly RemovableVolume[];
  readonly onOpenCase: OpenRoute;
}) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const { term } = useTerms();
  const recognitionOutcome = (code: string) => t(`recognition.outcomes.${code}`, { defaultValue: code });
  const { deps, trust, reloadTrust, ledger } = useExchange();
  const [busy, setBusy] = useState(false);
  const [prepared, setPrepared] = useState<PreparedImport | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [found, setFound] = useState<{ drive: string; folderToken: string; files: BundleFile[] } | null>(null);
  const [archiving, setArchiving] = useState(false);
  // The drive folder the bundle under check came from (null for a file picked in the dialog): its receipt goes back there.
  const [source, setSource] = useState<BundleSource | null>(null);
  const inbox = useInbox(deps, trust, ledger, found?.files ?? null);
  // A preview left open when the screen goes away drops what it staged (the unlock sweep would, later).
  const pending = useRef<PreparedImport | null>(null);
  useEffect(() => {
    pending.current = prepared;
  }, [prepared]);
  useEffect(
    () => () => {
      if (deps && pending.current) void discardImport(deps, pending.current);
    },
    [deps],
  );

  const [expired, setExpired] = useState<BundleFile | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const workflowMessage = useWorkflowMessage();
  const wording = useMemo(() => ({ t, dateTime, workflowMessage }), [t, dateTime, workflowMessage]);
  const verify = useCallback(
    async (file: BundleFile, from: BundleSource | null, expiryOverride?: { reason: string }) => {
      if (!deps) return;
      setBusy(true);
      setSource(from);
      setOutcome(null);
      setPrepared(null);
      setExpired(null);
      const result = await prepareImport(deps, trust, { fileToken: file.fileToken, name: file.name }, expiryOverride);
      setBusy(false);
      if (result.status === 'already') setOutcome({ tone: 'info', text: alreadyImportText(wording, result) });
      else if (result.status === 'refused') {
        setOutcome({
          tone: 'error',
          code: result.code,
          text: refusedImportText(wording, result),
          ...(result.refusable ? { refusable: result.refusable } : {}),
        });
        // Expiry alone may be overridden by a person, with a reason that is recorded in the case. Refused again
        // with an override, the bundle is past the override's limit: offering it once more would lead nowhere.
        if (result.code === 'BUNDLE_EXPIRED' && !expiryOverride) setExpired(file);
      } else setPrepared(result);
    },
    [deps, trust, wording],
  );

  const chooseFile = async () => {
    if (!deps) return;
    const picked = await deps.shell.exchange.chooseBundleFile();
    if (!picked.ok) return setOutcome({ tone: 'error', text: picked.error.message });
    if (picked.value) await verify(picked.value, null);
  };

  const scanDrive = async (drive: RemovableVolume) => {
    if (!deps) return;
    const granted = await deps.shell.exchange.useVolume({ mountPoint: drive.mountPoint });
    if (!granted.ok) return setOutcome({ tone: 'error', text: granted.error.message });
    const listed = await deps.shell.exchange.listBundles({ folderToken: granted.value.folderToken });
    if (!listed.ok) return setOutcome({ tone: 'error', text: listed.error.message });
    setFound({ drive: drive.label, folderToken: granted.value.folderToken, files: listed.value });
  };

  /** Archive failures the catalog words by code; anything else shows the shell's own message. */
  const archiveFailure = (code: string, message: string, file: BundleFile, drive: string) =>
    (ARCHIVE_ERRORS as readonly string[]).includes(code)
      ? t(`exchange.inbox.archiveErrors.${code}`, { file: file.name, drive, folder: BUNDLE_ARCHIVE_FOLDER })
      : t('exchange.inbox.archiveErrors.other', { file: file.name, message });

  // One file after another (a rename each); the first failure stops the rest. Then the drive is listed again.
  const archive = async (files: readonly BundleFile[]) => {
    if (!deps || !found) return;
    setArchiving(true);
    setOutcome(null);
    const moved: { file: BundleFile; path: string }[] = [];
    let failure: string | null = null;
    for (const file of files) {
      const result = await archiveInboxFile(deps.shell.exchange, file, inbox.entries[file.fileToken]);
      if (!result.ok) {
        failure = archiveFailure(result.error.code, result.error.message, file, found.drive);
        break;
      }
      moved.push({ file, path: result.value.relativePath });
    }
    const listed = await deps.shell.exchange.listBundles({ folderToken: found.folderToken });
    if (listed.ok) setFound({ ...found, files: listed.value });
    setArchiving(false);
    const done =
      moved.length === 1 && files.length === 1
        ? t('exchange.inbox.archived', { file: moved[0]?.file.name, path: moved[0]?.path, drive: found.drive })
        : moved.length > 0
          ? t('exchange.inbox.archivedAll', { count: moved.length, folder: BUNDLE_ARCHIVE_FOLDER, drive: found.drive })
          : '';
    setOutcome(
      failure === null
        ? { tone: 'success', text: done }
        : { tone: 'error', text: done === '' ? failure : `${done} ${failure}` },
    );
  };

  const apply = async () => {
    if (!deps || !prepared) return;
    // From here the import owns its staged files (stored or discarded by applyImport), not the unmount.
    pending.current = null;
    setBusy(true);
    if (prepared.status === 'ready') {
      const applied = await applyImport(deps, prepared);
      const kind = prepared.verified.payload.kind;
      setOutcome(
        applied.ok
          ? {
              tone: 'applied',
              text: t('exchange.import.applied', { kind: t(`exchange.kinds.${kind}`) }),
              next: afterApply(applied.value, kind, source),
            }
          : {
              tone: applied.error.code === 'already-recorded' ? 'info' : 'error',
              text: applyErrorText(t, applied.error),
            },
      );
    } else if (prepared.status === 'recommendation') {
      const applied = await applyRecommendationImport(deps, prepared);
      setOutcome(
        applied.ok
          ? {
              tone: 'applied',
              text: t('oversight.office.imported', { office: prepared.senderName }),
              next: afterApply(applied.value, 'recommendation', source),
            }
          : {
              tone: applied.error.code === 'already-recorded' ? 'info' : 'error',
              text: applyErrorText(t, applied.error),
            },
      );
    } else if (prepared.status === 'revocation') {
      const applied = await applyRevocationImport(deps, trust, prepared);
      if (applied.ok) await reloadTrust();
      setOutcome(
        applied.ok
          ? { tone: 'success', text: t('exchange.import.revocationApplied', { office: prepared.officeName }) }
          : { tone: 'error', text: applied.error.message },
      );
    }
    setBusy(false);
    setPrepared(null);
  };

  const cancel = async () => {
    pending.current = null;
    if (deps && prepared) await discardImport(deps, prepared);
    setPrepared(null);
    setOutcome({ tone: 'info', text: t('exchange.import.cancelled') });
  };

  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('exchange.import.heading')}</h2>
      <div className="vault-actions">
        <Button className="button" onPress={() => void chooseFile()} isDisabled={busy || !deps}>
          {t('exchange.import.chooseFile')}
        </Button>
        {drives.map((drive) => (
          <Button
            key={drive.mountPoint}
            className="button button--quiet"
            onPress={() => void scanDrive(drive)}
            isDisabled={busy || !deps}
          >
            {t('exchange.import.scanDrive', { drive: drive.label })}
          </Button>
        ))}
      </div>
      {found ? (
        found.files.length === 0 ? (
          <p className="empty">{t('exchange.import.noneOnDrive', { drive: found.drive })}</p>
        ) : (
          <InboxTable
            drive={found.drive}
            files={found.files}
            inbox={inbox}
            busy={busy || archiving}
            onCheck={(file) => void verify(file, { folderToken: found.folderToken, drive: found.drive })}
            onArchive={(files) => void archive(files)}
          />
        )
      ) : null}
      {busy ? <p role="status">{t('exchange.import.verifying')}</p> : null}
      {archiving ? <p role="status">{t('exchange.inbox.archiving', { folder: BUNDLE_ARCHIVE_FOLDER })}</p> : null}
      {/* The Apply outcome takes the focus (read out, and the next steps are one Tab away) rather than a live region. */}
      {outcome?.tone === 'applied' ? (
        <ApplyOutcome key={outcome.next.ledgerId} text={outcome.text} next={outcome.next} onOpenCase={onOpenCase} />
      ) : null}
      <div aria-live="polite">
        {outcome && outcome.tone !== 'applied' ? (
          <p
            role={outcome.tone === 'error' ? 'alert' : 'status'}
            className={outcome.tone === 'error' ? 'error' : outcome.tone === 'success' ? 'success' : 'notice'}
            data-testid="import-outcome"
            data-code={outcome.tone === 'error' ? outcome.code : undefined}
          >
            {outcome.text}
          </p>
        ) : null}
      </div>
      {outcome?.tone === 'error' && outcome.refusable ? (
        <RefuseWithReceipt key={outcome.refusable.bundleId} refusable={outcome.refusable} source={source} />
      ) : null}
      {expired ? (
        <div className="warning" role="group" aria-label={t('exchange.import.overrideHeading')}>
          <div className="field">
            <label htmlFor="expiry-reason">{t('exchange.import.overrideReason')}</label>
            <textarea
              id="expiry-reason"
              rows={2}
              value={overrideReason}
              onChange={(event) => setOverrideReason(event.target.value)}
            />
          </div>
          <Button
            className="button"
            onPress={() => void verify(expired, source, { reason: overrideReason })}
            isDisabled={busy || overrideReason.trim() === ''}
          >
            {t('exchange.import.overrideButton')}
          </Button>
        </div>
      ) : null}
      {prepared && prepared.status === 'ready' ? (
        <div className="import-preview" role="region" aria-label={t('exchange.import.previewLabel')}>
          <h3>
            {t('exchange.import.previewHeading', {
              kind: t(`exchange.kinds.${prepared.verified.payload.kind}`),
              office: prepared.verified.senderName,
            })}
          </h3>
          <p className="success">{t('exchange.import.verifiedAll', { fingerprint: prepared.senderFingerprint })}</p>
          <ul>
            {prepared.plan.preview.map((line, index) => (
              <li key={index}>
                {t(`exchange.preview.${line.key}`, {
                  ...line.values,
                  field: line.values?.field ? t(`exchange.fields.${String(line.values.field)}`) : '',
                  ...previewValues(line.values, {
                    stage: (code) => t(`caseTerms.stage.${code}`, { defaultValue: code }),
                    dateTime,
                    recognitionOutcome,
                    decision: (code) => term('outcomes', code),
                    remedy: (code) => term('remedies', code),
                    kind: (code) => t(`exchange.kinds.${code}`, { defaultValue: code }),
                  }),
                  // A partner's refusal receipt: its code in plain words.
                  ...(line.key === 'receiptRefusedBecause'
                    ? { reason: refusalReason(t, String(line.values?.code ?? '')) }
                    : {}),
                })}
              </li>
            ))}
          </ul>
          <div className="vault-actions">
            <Button className="button" onPress={() => void apply()} isDisabled={busy}>
              {t('exchange.import.apply')}
            </Button>
            <Button className="button button--quiet" onPress={() => void cancel()} isDisabled={busy}>
              {t('exchange.import.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {prepared && prepared.status === 'recommendation' ? (
        <div className="import-preview" role="region" aria-label={t('exchange.import.previewLabel')}>
          <h3>{t('oversight.office.previewHeading', { office: prepared.senderName })}</h3>
          <p className="success">{t('exchange.import.verifiedAll', { fingerprint: prepared.senderFingerprint })}</p>
          <ul>
            <li>{t('oversight.office.findingCount', { count: prepared.body.findings.length })}</li>
            <li>{t('oversight.office.answerBy', { date: dateTime(prepared.body.answerBy) })}</li>
          </ul>
          <div className="vault-actions">
            <Button className="button" onPress={() => void apply()} isDisabled={busy}>
              {t('exchange.import.apply')}
            </Button>
            <Button className="button button--quiet" onPress={() => void cancel()} isDisabled={busy}>
              {t('exchange.import.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {prepared && prepared.status === 'revocation' ? (
        <div className="import-preview warning" role="region" aria-label={t('exchange.import.previewLabel')}>
          <p>
            {t('offices.revocationPreview', {
              office: prepared.officeName,
              date: dateTime(new Date(prepared.revocation.statement.revokedAt).toISOString()),
              reason: t(`offices.revocationReasons.${prepared.revocation.statement.reason}`),
            })}
          </p>
          <div className="vault-actions">
            <Button className="button" onPress={() => void apply()} isDisabled={busy}>
              {t('exchange.import.apply')}
            </Button>
            <Button className="button button--quiet" onPress={() => void cancel()} isDisabled={busy}>
              {t('exchange.import.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
