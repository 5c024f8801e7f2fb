import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransmittalSlip } from '@shared/exchange/transmittal-slip';
import type { Result } from '@shared/result';
import { receiptFailure, type ReceiptFailure } from '../../exchange/after-apply';
import { TransmittalSlipView } from './TransmittalSlipView';

export type ReceiptWriteState =
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

/** Writes one receipt (delivered or refused) to a folder and keeps where it stands, for the screen to show. */
export function useReceiptWrite(write: (folderToken: string) => Promise<Result<TransmittalSlip>> | null) {
  const [state, setState] = useState<ReceiptWriteState>({ status: 'idle' });
  const run = async (folderToken: string, where: string) => {
    const started = write(folderToken);
    if (!started) return;
    setState({ status: 'writing', where });
    const written = await started;
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
  return { state, run };
}

type Props = {
  readonly state: ReceiptWriteState;
  /** Catalog keys: `writing` and `written` take {where, file}, `failed` is a prefix for each failure. */
  readonly keys: { readonly writing: string; readonly written: string; readonly failed: string };
  readonly values?: Readonly<Record<string, string>>;
  /** Offered again after a failure other than the drive's (e.g. to choose another folder). */
  readonly retry: ReactNode;
  readonly testIds: { readonly written?: string; readonly failed: string };
};

/** Where a receipt write stands: writing, written (with its transmittal slip), or failed with what to do next. */
export function ReceiptWriteStatus({ state, keys, values = {}, retry, testIds }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <div aria-live="polite">
        {state.status === 'writing' ? <p role="status">{t(keys.writing, { ...values, where: state.where })}</p> : null}
        {state.status === 'written' ? (
          <p role="status" className="success" data-testid={testIds.written}>
            {t(keys.written, { ...values, where: state.where, file: state.slip.fileName })}
          </p>
        ) : null}
      </div>
      {state.status === 'failed' ? (
        <>
          <p role="alert" className="error" data-testid={testIds.failed}>
            {t(`${keys.failed}.${state.failure}`, {
              ...values,
              where: state.where,
              code: state.code,
              message: state.message,
            })}
          </p>
          {state.failure === 'other' ? retry : null}
        </>
      ) : null}
      {state.status === 'written' ? <TransmittalSlipView slip={state.slip} /> : null}
    </>
  );
}
