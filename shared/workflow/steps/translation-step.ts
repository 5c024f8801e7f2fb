import { DEFAULT_TEXT_LANGUAGE, type TextVersions } from '../../domain/text-versions';
import { LIVE_STAGES } from '../stage-labels';
import { workflowMessage, type WorkflowMessage } from '../workflow-message';
import { refuse, type StepDefinition, type StepOutcome } from '../workflow-types';

/**
 * Records the version of a printed free-text field (the purpose, the decision's reasons) in one language, so a
 * notice or letter in that language prints it instead of the original under a "not translated" marker. An empty
 * text removes the version (in the original's own language, it only corrects which language that is). The original is never touched. Translating is nobody's casework: anyone may do it,
 * and it does not make a reviewer a caseworker on the case.
 */
export const recordTranslationStep: StepDefinition<'record-translation'> = {
  type: 'record-translation',
  label: 'record a translation',
  capacity: 'anyone',
  stages: () => [...LIVE_STAGES, 'closed'],
  run(c, _actor, action, _env): StepOutcome {
    const current: TextVersions = c.textVersions ?? {
      original: DEFAULT_TEXT_LANGUAGE,
      purpose: {},
      'decision-reasons': {},
    };
    const missing: WorkflowMessage[] = [];
    const hasVersions = Object.keys(current.purpose).length + Object.keys(current['decision-reasons']).length > 0;
    if (action.original !== current.original && hasVersions)
      missing.push(workflowMessage('original-language-fixed', { language: current.original }));
    // An empty text in the original's own language only sets which language the original is written in.
    if (action.language === action.original && action.text.trim() !== '')
      missing.push(workflowMessage('translation-of-original', { language: action.language }));
    if (action.field === 'decision-reasons' && c.decision === null)
      missing.push(workflowMessage('translation-needs-decision'));
    if (missing.length > 0) return refuse('invalid-input', missing);
    const text = action.text.trim();
    const { [action.language]: _previous, ...others } = current[action.field];
    const versions: TextVersions = {
      ...current,
      original: action.original,
      [action.field]: text === '' ? others : { ...others, [action.language]: text },
    };
    return {
      ok: true,
      case: { ...c, textVersions: versions },
      toStage: c.stage,
      details: { field: action.field, language: action.language, original: action.original, removed: text === '' },
    };
  },
};
