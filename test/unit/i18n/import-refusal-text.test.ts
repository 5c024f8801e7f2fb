import { describe, expect, it } from 'vitest';
import { catalogTranslator } from '../../support/catalog-translator';
import { workflowMessage } from '@shared/workflow/workflow-message';
import { workflowMessageText } from '../../../renderer/src/components/workflow-message-text';
import {
  alreadyImportText,
  refusedImportText,
  type RefusalWording,
} from '../../../renderer/src/screens/exchange/import-refusal-text';

async function wording(language: 'en' | 'fr' | 'de' | 'es'): Promise<RefusalWording> {
  const t = await catalogTranslator(language);
  const dateTime = (iso: string) => iso;
  return {
    t,
    dateTime,
    workflowMessage: (m) => workflowMessageText(m, (key, values) => t(key, values), { language, dateTime }),
  };
}

const ENGLISH = 'This bundle was verified but cannot be applied: record the response: wrong stage.';
const planRefusal = {
  status: 'refused',
  code: 'IMPORT_WORKFLOW_REFUSED',
  message: ENGLISH,
  messages: [workflowMessage('case-purged')],
} as const;

describe('a verified bundle that cannot be applied, in the reader’s words', () => {
  it.each(['fr', 'de', 'es'] as const)(
    '%s: the plan’s code and the workflow’s reasons are worded, never the English sentence',
    async (language) => {
      const words = await wording(language);
      const en = await wording('en');
      const text = refusedImportText(words, planRefusal);
      expect(text).not.toContain(ENGLISH);
      expect(text).not.toContain('IMPORT_');
      expect(text).toContain(words.workflowMessage(workflowMessage('case-purged')));
      expect(text).not.toBe(refusedImportText(en, planRefusal));
      const unmatched = refusedImportText(words, { ...planRefusal, code: 'IMPORT_NO_MATCHING_CASE', messages: [] });
      expect(unmatched).toContain(words.t('exchange.refusalReasons.IMPORT_NO_MATCHING_CASE'));
      const answered = alreadyImportText(words, {
        status: 'already',
        message: 'bundle 1234… is already marked delivered',
        answered: true,
      });
      expect(answered).not.toContain('already marked');
      expect(answered).toBe(words.t('exchange.import.alreadyAnswered'));
      for (const failure of ['stagingFailed', 'rereadFailed'] as const) {
        const failed = refusedImportText(words, { status: 'refused', code: 'write-failed', message: ENGLISH, failure });
        expect(failed).not.toBe(
          refusedImportText(en, { status: 'refused', code: 'write-failed', message: ENGLISH, failure }),
        );
        expect(failed).not.toContain(ENGLISH);
      }
    },
  );
});

describe('a recommendation from a partner that is not our oversight body, in the reader’s words', () => {
  it.each(['en', 'fr', 'de', 'es'] as const)('%s: names the sender and says what to do', async (language) => {
    const words = await wording(language);
    const text = refusedImportText(words, {
      status: 'refused',
      code: 'IMPORT_NOT_OUR_OVERSIGHT_BODY',
      message: 'This recommendation comes from Commission des Ports Calmes, which is not …',
      senderName: 'Commission des Ports Calmes',
    });
    expect(text).toBe(words.t('oversight.office.notOurBody', { office: 'Commission des Ports Calmes' }));
    expect(text).toContain('Commission des Ports Calmes');
    expect(text).not.toContain('IMPORT_');
    expect(text).not.toContain('{{');
  });
});
