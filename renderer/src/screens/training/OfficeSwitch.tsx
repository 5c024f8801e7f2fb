import { useState, type ReactNode } from 'react';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { createTrainingVaultService, deleteTrainingOffice } from '../../training/training-office';
import type { VaultService } from '../../vault/vault-service';
import type { VaultSession } from '../../vault/vault-session';
import { VaultGate } from '../vault/VaultGate';
import { TrainingBanner } from './TrainingBanner';
import { TrainingOfficeEntry } from './TrainingOfficeEntry';
import { TrainingPeopleList } from './TrainingPeopleList';
import { TrainingSetupScreen } from './TrainingSetupScreen';

type Office =
  { readonly kind: 'real' } | { readonly kind: 'training'; readonly vault: VaultService; readonly setUp: boolean };

type Props = {
  readonly real: VaultService;
  readonly shell: CasebridgeApi;
  readonly children: (session: VaultSession) => ReactNode;
};

/**
 * The real office, or the training office (a separate vault of sample data, under its banner). Only one is open at
 * a time: going into the training office locks the real vault, and leaving it locks the training vault.
 */
export function OfficeSwitch({ real, shell, children }: Props) {
  const [office, setOffice] = useState<Office>({ kind: 'real' });
  // A new gate after leaving, so the real vault's state is read afresh.
  const [visit, setVisit] = useState(0);
  const backToReal = () => {
    setOffice({ kind: 'real' });
    setVisit((n) => n + 1);
  };
  if (office.kind === 'real') {
    const enter = (exists: boolean) => {
      real.lock();
      setOffice({ kind: 'training', vault: createTrainingVaultService(real.kit), setUp: !exists });
    };
    return (
      <VaultGate key={visit} vault={real} shell={shell} entry={<TrainingOfficeEntry onOpen={enter} />}>
        {children}
      </VaultGate>
    );
  }
  const leave = () => {
    office.vault.lock();
    office.vault.db.close();
    backToReal();
  };
  const remove = async () => {
    await deleteTrainingOffice(office.vault);
    backToReal();
  };
  return (
    <div className="training-office">
      <TrainingBanner onLeave={leave} onDelete={remove} />
      {office.setUp ? (
        <TrainingSetupScreen
          vault={office.vault}
          onReady={() => setOffice({ ...office, setUp: false })}
          onCancel={() => void remove()}
        />
      ) : (
        <VaultGate vault={office.vault} shell={shell} training entry={<TrainingPeopleList />}>
          {children}
        </VaultGate>
      )}
    </div>
  );
}
