import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Actor } from '@shared/domain/actor';
import type { Case } from '@shared/domain/case';
import { MessageList } from '../../components/MessageList';
import { useConfirmation } from '../../components/useConfirmation';
import { useCases } from '../../cases/CasesProvider';
import { ActionGate, useMayTake } from './ActionGate';
import { CoSignPanel } from './CoSignPanel';
import { useCaseAction } from './useCaseAction';

type Props = {
  readonly c: Case;
  /** Whether the form on screen differs from the stored draft: the decision is taken on what is on screen. */
  readonly dirty: boolean;
  /** Saves the form; false when it could not be saved (its problems are then shown). */
  readonly saveDraft: () => Promise<boolean>;
  readonly busy: boolean;
};

/**
 * A complaint answered "no" on an admissibility question is declared inadmissible here: a confirmed, one-way decision
 * that closes the case with its reasons (and, under the second-person rule, another person confirms it).
 */
export function InadmissiblePanel({ c, dirty, saveDraft, busy }: Props) {
  const { t } = useTranslation();
  const { settings } = useCases();
  const declare = useCaseAction(c.id);
  const confirmation = useConfirmation();
  const mayDeclare = useMayTake(c, 'declare-inadmissible');
  const [coSigning, setCoSigning] = useState(false);

  const declareNow = async () => {
    if (dirty && !(await saveDraft())) return;
    if (settings.requireSecondPersonAuthorisation) setCoSigning(true);
    // While something is missing, the attempt shows the workflow's list; the confirmation is for the real decision.
    else if (!dirty && !mayDeclare) await declare.run({ type: 'declare-inadmissible' });
    else
      confirmation.ask({
        title: t('confirm.inadmissible.title'),
        consequences: [
          t('confirm.inadmissible.effect'),
          t('confirm.inadmissible.tell'),
          t('confirm.inadmissible.final'),
        ],
        confirmLabel: t('admissibility.declare'),
        onConfirm: () => void declare.run({ type: 'declare-inadmissible' }),
      });
  };
  const declareAs = async (secondPerson: Actor) => {
    if (await declare.run({ type: 'declare-inadmissible' }, secondPerson)) setCoSigning(false);
  };

  return (
    <ActionGate c={c} type="declare-inadmissible">
      <div className="authorise" data-testid="inadmissible">
        <h3>{t('admissibility.inadmissibleHeading')}</h3>
        <p className="field__help">{t('admissibility.inadmissibleHelp')}</p>
        <MessageList title={t('admissibility.cannotDeclare')} messages={declare.messages} />
        {coSigning ? (
          <CoSignPanel
            actionLabel={t('admissibility.declare')}
            onConfirmed={declareAs}
            onCancel={() => setCoSigning(false)}
          />
        ) : (
          <Button className="button button--quiet" onPress={() => void declareNow()} isDisabled={declare.busy || busy}>
            {t('admissibility.declare')}
          </Button>
        )}
        {confirmation.dialog}
      </div>
    </ActionGate>
  );
}
