import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { GrantedFolder } from '@shared/ipc/contract';
import type { RefusableBundle } from '@shared/exchange/refusal-receipt';
import { useExchange } from '../../exchange/ExchangeProvider';
import { refuseWithReceipt } from '../../exchange/export-receipt';
import type { BundleSource } from '../../exchange/after-apply';
import { DestinationPicker } from './DestinationPicker';
import { ReceiptWriteStatus, useReceiptWrite } from './ReceiptWriteStatus';
import { refusalReason } from './refusal-reason';

type Props = {
  readonly refusable: RefusableBundle;
  /** The drive the bundle was read from: the refusal receipt goes back there in one click. Null for a picked file. */
  readonly source: BundleSource | null;
};

/**
 * Offered under the refusal of a bundle that verified but cannot be applied: refuse it and answer its sender with a
 * signed receipt (status refused, the import code), through the same writer as every receipt. Nothing of its case
 * is stored; the exchange log records the bundle as refused and the receipt as sent.
 */
export function RefuseWithReceipt({ refusable, source }: Props) {
  const { t } = useTranslation();
  const { deps, trust } = useExchange();
  const { state, run: refuse } = useReceiptWrite((folderToken) =>
    deps ? refuseWithReceipt(deps, trust, refusable, folderToken) : null,
  );
  const office = refusable.senderName;

  const writing = state.status === 'writing';
  const done = state.status === 'written';
  const picker = deps ? (
    <DestinationPicker
      shell={deps.shell}
      label={t('exchange.refuse.elsewhere')}
      isDisabled={writing}
      onPicked={(folder: GrantedFolder) => void refuse(folder.folderToken, folder.path)}
    />
  ) : null;

  return (
    // The warning tone is for the choice; once refused, the result and its slip read as written.
    <div
      className={done ? 'refuse-outcome' : 'refuse-outcome warning'}
      role="group"
      aria-label={t('exchange.refuse.label')}
      data-testid="refuse"
    >
      {!done ? <p>{t('exchange.refuse.explain', { office, reason: refusalReason(t, refusable.code) })}</p> : null}
      {source && !done ? (
        <>
          <p>{t('exchange.refuse.onDrive', { drive: source.drive })}</p>
          <div className="vault-actions">
            <Button
              className="button"
              onPress={() => void refuse(source.folderToken, source.drive)}
              isDisabled={writing || !deps}
            >
              {t('exchange.refuse.button', { office })}
            </Button>
          </div>
        </>
      ) : null}
      {!source && !done ? (
        <>
          <p>{t('exchange.refuse.where', { office })}</p>
          {picker}
        </>
      ) : null}
      <ReceiptWriteStatus
        state={state}
        keys={{
          writing: 'exchange.refuse.writing',
          written: 'exchange.refuse.written',
          failed: 'exchange.refuse.failed',
        }}
        values={{ office }}
        retry={source ? picker : null}
        testIds={{ written: 'refuse-written', failed: 'refuse-error' }}
      />
    </div>
  );
}
