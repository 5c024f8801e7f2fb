import { useCallback, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CasebridgeApi, GrantedFolder } from '@shared/ipc/contract';
import { useShellCall } from '../../hooks/useShellCall';

type Props = {
  readonly shell: CasebridgeApi;
  readonly label: string;
  readonly onPicked: (folder: GrantedFolder) => void;
  readonly isDisabled?: boolean;
};

/** Where a bundle goes: a folder picked in the native dialog, or a removable drive that is mounted now. */
export function DestinationPicker({ shell, label, onPicked, isDisabled }: Props) {
  const { t } = useTranslation();
  const listRemovable = useCallback(() => shell.media.listRemovable(), [shell]);
  const [drives] = useShellCall(listRemovable);
  const [error, setError] = useState<string | null>(null);
  const chooseFolder = async () => {
    setError(null);
    const picked = await shell.exchange.chooseFolder();
    if (!picked.ok) setError(picked.error.message);
    else if (picked.value) onPicked(picked.value);
  };
  const grantDrive = async (mountPoint: string) => {
    setError(null);
    const granted = await shell.exchange.useVolume({ mountPoint });
    if (!granted.ok) setError(granted.error.message);
    else onPicked(granted.value);
  };
  const writableDrives =
    drives.status === 'done' && drives.result.ok ? drives.result.value.filter((drive) => drive.writable) : [];
  return (
    <div className="destination" role="group" aria-label={label}>
      <Button className="button" onPress={() => void chooseFolder()} isDisabled={isDisabled}>
        {t('exchange.chooseFolder')}
      </Button>
      {writableDrives.map((drive) => (
        <Button
          key={drive.mountPoint}
          className="button button--quiet"
          onPress={() => void grantDrive(drive.mountPoint)}
          isDisabled={isDisabled}
        >
          {t('exchange.saveToDrive', { drive: drive.label })}
        </Button>
      ))}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
