import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { GrantedFolder } from '@shared/ipc/contract';
import type { OpenRoute } from '../cases/case-route';
import { useExchange } from '../../exchange/ExchangeProvider';
import { exportReceipt } from '../../exchange/export-receipt';
import type { AfterApply } from '../../exchange/after-apply';
import { DestinationPicker } from './DestinationPicker';
import { ReceiptWriteStatus, useReceiptWrite } from './ReceiptWriteStatus';

type Props = {
  readonly text: string;
  readonly next: AfterApply;
  readonly onOpenCase: OpenRoute;
};

/**
 * What follows a successful Apply: the outcome (focused, so a screen reader reads it), a way to the case, and the
 * signed receipt written in one click to the drive the bundle came from, through the same writer as "Write receipt…".
 */
export function ApplyOutcome({ text, next, onOpenCase }: Props) {
  const { t } = useTranslation();
  const { deps, trust } = useExchange();
  const { state: receipt, run: writeReceipt } = useReceiptWrite((folderToken) =>
    deps ? exportReceipt(deps, trust, next.ledgerId, folderToken) : null,
  );
  const outcomeRef = useRef<HTMLDivElement>(null);
  // Focus on the outcome when it appears, and again when a receipt write ends: its button was disabled meanwhile
  // (which drops the focus) and is gone once written.
  useEffect(() => {
    if (receipt.status !== 'writing') outcomeRef.current?.focus();
  }, [receipt.status]);

  const source = next.receipt?.source ?? null;
  const writing = receipt.status === 'writing';
  const picker = deps ? (
    <DestinationPicker
      shell={deps.shell}
      label={t('exchange.afterApply.receiptElsewhere')}
      isDisabled={writing}
      onPicked={(folder: GrantedFolder) => void writeReceipt(folder.folderToken, folder.path)}
    />
  ) : null;

  return (
    <div
      ref={outcomeRef}
      tabIndex={-1}
      className="apply-outcome"
      role="group"
      aria-labelledby="apply-outcome-text"
      data-testid="apply-outcome"
    >
      <p id="apply-outcome-text" role="status" className="success" data-testid="import-outcome">
        {text}
      </p>
      <div className="vault-actions">
        {next.caseId !== null ? (
          <Button
            className="button"
            onPress={() => next.caseId !== null && onOpenCase({ view: 'case', caseId: next.caseId })}
          >
            {t('exchange.afterApply.openCase')}
          </Button>
        ) : null}
        {next.receipt && source && receipt.status !== 'written' ? (
          <Button
            className="button button--quiet"
            onPress={() => void writeReceipt(source.folderToken, source.drive)}
            isDisabled={writing || !deps}
          >
            {t('exchange.afterApply.writeReceipt', { drive: source.drive })}
          </Button>
        ) : null}
      </div>
      {next.receipt && !source && receipt.status !== 'written' ? (
        <>
          <p>{t('exchange.afterApply.receiptWhere')}</p>
          {picker}
        </>
      ) : null}
      <ReceiptWriteStatus
        state={receipt}
        keys={{
          writing: 'exchange.afterApply.receiptWriting',
          written: 'exchange.afterApply.receiptWritten',
          failed: 'exchange.afterApply.receiptFailed',
        }}
        retry={source ? picker : null}
        testIds={{ failed: 'receipt-error' }}
      />
    </div>
  );
}
