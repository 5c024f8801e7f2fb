import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { assertNever } from '@shared/result';
import type { InboxEntry, InboxSender } from '@shared/exchange/inbox-entry';
import { BUNDLE_ARCHIVE_FOLDER, type BundleFile } from '@shared/ipc/contract';
import { useFormatBytes } from '../../format/useFormatBytes';
import type { InboxProgress } from '../../exchange/inbox-scan';
import { isArchivable } from '../../exchange/inbox-archive';

type Props = {
  readonly drive: string;
  readonly files: readonly BundleFile[];
  readonly inbox: InboxProgress;
  readonly busy: boolean;
  readonly onCheck: (file: BundleFile) => void;
  /** Moves processed files (already imported, or sent by this office) to the archive folder on the drive. */
  readonly onArchive: (files: readonly BundleFile[]) => void;
};

/** States that must not be opened from the inbox: altered or unreadable files, our own outgoing bundles, and refused ones. */
const NOT_CHECKABLE: readonly InboxEntry['state'][] = ['altered-copy', 'unreadable', 'ours', 'refused'];

/** The bundles on a drive as an inbox: who sent each, what it is, and what to do with it, before any import. */
export function InboxTable({ drive, files, inbox, busy, onCheck, onArchive }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const formatBytes = useFormatBytes();
  const unknown = t('exchange.inbox.unknown');
  const date = (ms: number) => dateTime(new Date(ms).toISOString());
  const sender = (from: InboxSender) =>
    from.type === 'this-office'
      ? t('exchange.inbox.thisOffice')
      : from.type === 'partner'
        ? from.name
        : t('exchange.inbox.unknownOffice');
  const checking = inbox.done < inbox.total;
  const processed = files.filter((file) => isArchivable(inbox.entries[file.fileToken]));
  return (
    <>
      {checking ? (
        <p role="status">{t('exchange.inbox.progress', { drive, done: inbox.done, total: inbox.total })}</p>
      ) : null}
      {processed.length > 0 ? (
        <div className="vault-actions">
          <p className="inbox__explain">{t('exchange.inbox.archiveHint', { folder: BUNDLE_ARCHIVE_FOLDER })}</p>
          <Button className="button button--quiet" onPress={() => onArchive(processed)} isDisabled={busy || checking}>
            {t('exchange.inbox.archiveAll', { n: processed.length })}
          </Button>
        </div>
      ) : null}
      <table className="data-table inbox" aria-label={t('exchange.import.onDrive', { drive })}>
        <thead>
          <tr>
            <th>{t('exchange.inbox.columns.file')}</th>
            <th>{t('exchange.inbox.columns.from')}</th>
            <th>{t('exchange.inbox.columns.kind')}</th>
            <th>{t('exchange.inbox.columns.caseRef')}</th>
            <th>{t('exchange.inbox.columns.date')}</th>
            <th className="num">{t('exchange.inbox.columns.size')}</th>
            <th>{t('exchange.inbox.columns.state')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => {
            const entry = inbox.entries[file.fileToken];
            const bundle = entry && entry.state !== 'unreadable' ? entry.bundle : undefined;
            return (
              <tr key={file.fileToken} data-state={entry?.state ?? 'checking'}>
                <td className="mono">{file.name}</td>
                <td>{bundle ? sender(bundle.sender) : unknown}</td>
                <td>{bundle ? t(`exchange.kinds.${bundle.kind}`) : unknown}</td>
                <td>{bundle?.caseRef ?? unknown}</td>
                <td>{bundle ? date(bundle.createdAt) : unknown}</td>
                <td className="num">{formatBytes(entry?.size ?? file.bytes)}</td>
                <td>
                  {entry ? <InboxState entry={entry} date={date} /> : <span>{t('exchange.inbox.checking')}</span>}
                  {entry && !NOT_CHECKABLE.includes(entry.state) ? (
                    <Button className="button button--quiet" onPress={() => onCheck(file)} isDisabled={busy}>
                      {t('exchange.import.check')}
                    </Button>
                  ) : null}
                  {isArchivable(entry) ? (
                    <Button
                      className="button button--quiet"
                      aria-label={t('exchange.inbox.archiveFile', { file: file.name, folder: BUNDLE_ARCHIVE_FOLDER })}
                      onPress={() => onArchive([file])}
                      isDisabled={busy}
                    >
                      {t('exchange.inbox.archive')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** The state as a label, and one sentence on what it means and what to do. */
function InboxState({ entry, date }: { readonly entry: InboxEntry; readonly date: (ms: number) => string }) {
  const { t } = useTranslation();
  const label = t(`exchange.inbox.states.${entry.state}`);
  const explain = (text: string, tone: 'error' | 'notice' | 'success' = 'notice') => (
    <div className="inbox__state">
      <span className={tone === 'error' ? 'badge badge--danger' : tone === 'success' ? 'badge' : 'badge badge--warn'}>
        {label}
      </span>
      <p className={tone === 'error' ? 'error' : 'inbox__explain'}>{text}</p>
    </div>
  );
  switch (entry.state) {
    case 'new':
      return explain(t('exchange.inbox.explain.new'), 'success');
    case 'already-imported':
      return explain(t('exchange.inbox.explain.already-imported'), 'success');
    case 'refused':
      return explain(t('exchange.inbox.explain.refused'));
    case 'altered-copy':
      return explain(
        entry.recorded === 'received'
          ? t('exchange.inbox.explain.alteredImported')
          : entry.recorded === 'sent'
            ? t('exchange.inbox.explain.alteredSent')
            : t('exchange.inbox.explain.altered-copy'),
        'error',
      );
    case 'ours':
      return explain(t('exchange.inbox.explain.ours'));
    case 'unknown-sender': {
      const from = entry.bundle.sender;
      const office = from.type === 'partner' ? from.name : '';
      if (entry.problem === 'not-in-list')
        return explain(
          t(entry.bundle.kind === 'key-card' ? 'exchange.inbox.explain.keyCard' : 'exchange.inbox.explain.notInList', {
            fingerprint: from.type === 'unknown' ? from.fingerprint : '',
          }),
        );
      return explain(t(`exchange.inbox.explain.${entry.problem}`, { office }));
    }
    case 'expired':
      return explain(t('exchange.inbox.explain.expired', { date: date(entry.bundle.notAfter) }));
    case 'not-for-us':
      return explain(t('exchange.inbox.explain.not-for-us'));
    case 'unreadable':
      return explain(t('exchange.inbox.explain.unreadable', { code: entry.code }), 'error');
    default:
      return assertNever(entry, 'inbox state');
  }
}
