import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { OpenedPrologue } from '@shared/backup/read-backup';
import type { CryptoKit } from '@shared/crypto/crypto-kit';
import type { BundleFile, CasebridgeApi } from '@shared/ipc/contract';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { backupSource, peekBackup } from './backup-files';
import { backupErrorText } from './backup-error-text';

export type PickedBackup = { readonly file: BundleFile; readonly opened: OpenedPrologue };

type Props = {
  readonly kit: CryptoKit;
  readonly shell: CasebridgeApi;
  readonly picked: PickedBackup | null;
  readonly onPicked: (picked: PickedBackup | null) => void;
  readonly onError: (text: string) => void;
  readonly disabled: boolean;
  readonly testId: string;
};

/** "Choose a backup file…", then what its plaintext prologue says (vault, date) before any secret is asked. */
export function BackupFilePicker({ kit, shell, picked, onPicked, onError, disabled, testId }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const choose = async () => {
    onPicked(null);
    const chosen = await shell.exchange.chooseBundleFile();
    if (!chosen.ok) return onError(backupErrorText(t, chosen.error));
    if (!chosen.value) return;
    const opened = await peekBackup(kit, backupSource(shell, chosen.value.fileToken));
    if (!opened.ok) return onError(backupErrorText(t, opened.error));
    onPicked({ file: chosen.value, opened: opened.value });
  };
  return (
    <>
      <Button className="button button--quiet" onPress={() => void choose()} isDisabled={disabled}>
        {t('backup.chooseFile')}
      </Button>
      {picked ? (
        <p data-testid={testId}>
          {t('backup.fileFacts', {
            name: picked.file.name,
            vaultId: picked.opened.prologue.vaultId,
            date: dateTime(new Date(picked.opened.prologue.createdAt).toISOString()),
          })}
        </p>
      ) : null}
    </>
  );
}
