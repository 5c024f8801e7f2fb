import { Fragment, useCallback, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { kindOptions, type CaseBundleKind } from '@shared/exchange/exchange-policy';
import { defaultSelection, PERSONAL_FIELDS, presentFields, type ShareableField } from '@shared/exchange/shared-case';
import type { TransmittalSlip } from '@shared/exchange/transmittal-slip';
import { plainAttachmentNames } from '@shared/exchange/plain-attachment-names';
import { isBundleErrorCode } from '@shared/bundle/bundle-error';
import { bundleRefusalText } from '../../exchange/bundle-refusal-text';
import { isExportErrorCode } from '../../exchange/export-error-codes';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import type { GrantedFolder } from '@shared/ipc/contract';
import type { AttachmentRecord } from '../../vault/attachments/attachment-record';
import { caseAttachments } from '../../exchange/case-attachments';
import { exportCaseBundle } from '../../exchange/export-case';
import { useExchange } from '../../exchange/ExchangeProvider';
import type { ExportProgress } from '../../bundle-io/write-bundle-file';
import { DestinationPicker } from './DestinationPicker';
import { TransmittalSlipView } from './TransmittalSlipView';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';
import { useWorkflowMessage } from '../../components/useWorkflowMessage';

/**
 * Sending one case: the kind its stage allows, a verified recipient, exactly which fields and files leave
 * (trimmable), then a streamed export with progress and cancel, and the transmittal slip.
 */
export function ExportPanel({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const translate = useWorkflowMessage();
  const { deps, trust, ledger } = useExchange();
  const options = useMemo(() => (deps ? kindOptions(c, deps.actor, deps.context, ledger) : []), [c, deps, ledger]);
  const available = options.filter((option) => option.available);
  const [kind, setKind] = useState<CaseBundleKind | null>(null);
  const chosen = available.find((option) => option.kind === kind) ?? available[0];
  const [recipientKey, setRecipientKey] = useState('');
  const [fields, setFields] = useState<ShareableField[]>(() => defaultSelection(c));
  const [files, setFiles] = useState<AttachmentRecord[]>([]);
  const [fileIds, setFileIds] = useState<string[]>([]);
  // The names the files travel under, mapped over all of the case's files exactly as the export does.
  const plainNames = useMemo(
    () => new Map(plainAttachmentNames(files).map((entry) => [entry.id, entry.plain])),
    [files],
  );
  const [message, setMessage] = useState('');
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [slip, setSlip] = useState<TransmittalSlip | null>(null);
  const abort = useRef<AbortController | null>(null);

  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        if (!deps) return;
        const records = await caseAttachments(deps.db, c.id);
        if (!alive()) return;
        setFiles(records);
        setFileIds(records.map((record) => record.id));
      },
      [deps, c.id],
    ),
  );

  const verified = Object.entries(trust).filter(([, office]) => office.state === 'verified');
  const recipients =
    chosen && chosen.available && chosen.recipients !== 'any'
      ? verified.filter(([key]) => chosen.available && chosen.recipients !== 'any' && key === chosen.recipients.only)
      : verified;
  const recipient = recipients.find(([key]) => key === recipientKey)?.[0] ?? recipients[0]?.[0] ?? '';
  const carriesCase = chosen?.kind === 'request' || chosen?.kind === 'challenge';

  const run = async (folder: GrantedFolder) => {
    if (!deps || !chosen) return;
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setSlip(null);
    setProgress({ phase: 'building', done: 0, total: 1 });
    const result = await exportCaseBundle(
      deps,
      trust,
      {
        caseId: c.id,
        kind: chosen.kind,
        recipientKey: recipient,
        fields: carriesCase ? fields : [],
        attachmentIds: fileIds,
        message,
        folderToken: folder.folderToken,
      },
      setProgress,
      controller.signal,
    );
    abort.current = null;
    setProgress(null);
    if (result.ok) setSlip(result.value.slip);
    // A bundle code is worded from the catalogs (what went wrong, what to do); the shell's own errors come worded.
    else if (isBundleErrorCode(result.error.code)) {
      const worded = bundleRefusalText(t, dateTime, { code: result.error.code, params: {} });
      setError(`${worded.what} ${worded.next}`);
    } else if (isExportErrorCode(result.error.code)) setError(t(`exchange.export.errors.${result.error.code}`));
    else setError(result.error.message);
  };

  if (!deps) return <p>{t('offices.loading')}</p>;
  return (
    <section className="panel export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exchange.export.heading', { reference: c.references.local })}</h2>
      {available.length === 0 ? (
        <div className="notice">
          <p>{t('exchange.export.nothingAllowed')}</p>
          <ul>
            {options.map((option) =>
              option.available ? null : (
                <li key={option.kind}>
                  {t('exchange.export.whyNot', {
                    kind: t(`exchange.kinds.${option.kind}`),
                    reasons: option.reasons.map(translate).join('; '),
                  })}
                </li>
              ),
            )}
          </ul>
        </div>
      ) : (
        <>
          <fieldset className="field field--choices">
            <legend>{t('exchange.export.kind')}</legend>
            {available.map((option) => (
              <label key={option.kind} className="choice">
                <input
                  type="radio"
                  name="bundle-kind"
                  checked={chosen?.kind === option.kind}
                  onChange={() => setKind(option.kind)}
                />
                {t(`exchange.kinds.${option.kind}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="export-recipient">{t('exchange.export.recipient')}</label>
            {recipients.length === 0 ? (
              <p className="warning">{t('exchange.export.noVerified')}</p>
            ) : (
              <select id="export-recipient" value={recipient} onChange={(event) => setRecipientKey(event.target.value)}>
                {recipients.map(([key, office]) => (
                  <option key={key} value={key}>
                    {office.card.card.name} ({office.card.card.jurisdiction})
                  </option>
                ))}
              </select>
            )}
          </div>
          {carriesCase ? (
            <fieldset className="field field--choices" aria-describedby="minimise-help">
              <legend>{t('exchange.export.fieldsLegend')}</legend>
              <p id="minimise-help" className="field__help">
                {t('exchange.export.fieldsHelp')}
              </p>
              <label className="choice">
                <input type="checkbox" checked disabled />
                {t('exchange.fields.originatingJurisdiction')}
              </label>
              {presentFields(c).map((field) => (
                <label key={field} className="choice">
                  <input
                    type="checkbox"
                    checked={fields.includes(field)}
                    onChange={(event) =>
                      setFields(event.target.checked ? [...fields, field] : fields.filter((f) => f !== field))
                    }
                  />
                  {t(`exchange.fields.${field}`)}
                  {PERSONAL_FIELDS.includes(field) ? (
                    <span className="badge badge--warn">{t('exchange.export.personal')}</span>
                  ) : null}
                </label>
              ))}
              {chosen?.kind === 'challenge' ? (
                <label className="choice">
                  <input type="checkbox" checked disabled />
                  {t('exchange.fields.challenge')}
                </label>
              ) : null}
            </fieldset>
          ) : null}
          <fieldset className="field field--choices">
            <legend>{t('exchange.export.filesLegend')}</legend>
            {files.length === 0 ? <p className="field__help">{t('exchange.export.noFiles')}</p> : null}
            {files.map((file) => {
              const plain = plainNames.get(file.id) ?? file.fileName;
              return (
                <Fragment key={file.id}>
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={fileIds.includes(file.id)}
                      aria-describedby={plain === file.fileName ? undefined : `renamed-${file.id}`}
                      onChange={(event) =>
                        setFileIds(
                          event.target.checked ? [...fileIds, file.id] : fileIds.filter((id) => id !== file.id),
                        )
                      }
                    />
                    {file.fileName} ({t('exchange.slip.bytes', { count: file.size })})
                  </label>
                  {plain === file.fileName ? null : (
                    <p className="field__help" id={`renamed-${file.id}`} data-testid="export-renamed">
                      {t('exchange.export.renamed', { name: plain })}
                    </p>
                  )}
                </Fragment>
              );
            })}
          </fieldset>
          <div className="field">
            <label htmlFor="export-message">
              {chosen?.kind === 'response' ? t('exchange.export.responseText') : t('exchange.export.message')}
            </label>
            <textarea
              id="export-message"
              rows={3}
              value={message}
              onChange={(event) => setMessage(event.target.value)}
            />
          </div>
          {progress ? (
            <div className="export-progress">
              <label htmlFor="export-progress">{t(`exchange.export.phase.${progress.phase}`)}</label>
              <progress id="export-progress" max={progress.total} value={progress.done} />
              <Button className="button button--quiet" onPress={() => abort.current?.abort()}>
                {t('exchange.export.cancel')}
              </Button>
            </div>
          ) : (
            <DestinationPicker
              shell={deps.shell}
              label={t('exchange.export.destination')}
              onPicked={(folder) => void run(folder)}
              isDisabled={recipients.length === 0}
            />
          )}
        </>
      )}
      <div aria-live="polite">
        {error ? (
          <p role="alert" className="error">
            {t('exchange.export.failed', { message: error })}
          </p>
        ) : null}
        {slip ? (
          <p role="status" className="success">
            {t('exchange.export.done', { path: slip.fileName })}
          </p>
        ) : null}
      </div>
      {slip ? <TransmittalSlipView slip={slip} /> : null}
    </section>
  );
}
