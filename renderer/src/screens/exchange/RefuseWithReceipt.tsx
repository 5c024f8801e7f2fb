import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { GrantedFolder } from '@shared/ipc/contract';
import type { RefusableBundle } from '@shared/exchange/refusal-receipt';
import type { TransmittalSlip } from '@shared/exchange/transmittal-slip';
import { useExchange } from '../../exchange/ExchangeProvider';
import { refuseWithReceipt } from '../../exchange/export-receipt';
import { receiptFailure, type BundleSource, type ReceiptFailure } from '../../exchange/after-apply';
import { DestinationPicker } from './DestinationPicker';
import { TransmittalSlipView } from './TransmittalSlipView';
import { refusalReason } from './refusal-reason';

type RefusalState =
  | { readonly status: 'idle' }
  | { readonly status: 'writing'; readonly where: string }
  | { readonly status: 'written'; readonly where: string; readonly slip: TransmittalSlip }
  | {
      readonly status: 'failed';
      readonly where: string;
      readonly failure: ReceiptFailure;
      readonly code: string;
      readonly message: string;
    };

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
  const [state, setState] = useState<RefusalState>({ status: 'idle' });
  const office = refusable.senderName;

  const refuse = async (folderToken: string, where: string) => {
    if (!deps) return;
    setState({ status: 'writing', where });
    const written = await refuseWithReceipt(deps, trust, refusable, folderToken);
    setState(
      written.ok
        ? { status: 'written', where, slip: written.value }
        : {
            status: 'failed',
            where,
            failure: receiptFailure(written.error.code),
            code: written.error.code,
            message: written.error.message,
          },
    );
  };
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
      <div aria-live="polite">
        {writing ? <p role="status">{t('exchange.refuse.writing', { where: state.where })}</p> : null}
        {state.status === 'written' ? (
          <p role="status" className="success" data-testid="refuse-written">
            {t('exchange.refuse.written', { office, where: state.where, file: state.slip.fileName })}
          </p>
        ) : null}
      </div>
      {state.status === 'failed' ? (
        <>
          <p role="alert" className="error" data-testid="refuse-error">
            {t(`exchange.refuse.failed.${state.failure}`, {
              where: state.where,
              code: state.code,
              message: state.message,
            })}
          </p>
          {source && state.failure === 'other' ? picker : null}
        </>
      ) : null}
      {state.status === 'written' ? <TransmittalSlipView slip={state.slip} /> : null}
    </div>
  );
}
