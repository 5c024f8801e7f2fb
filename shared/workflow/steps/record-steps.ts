import { isBlank } from '../step-helpers';
import { LIVE_STAGES } from '../stage-labels';
import { workflowMessage, type WorkflowMessage } from '../workflow-message';
import { refuse, type StepDefinition, type StepOutcome } from '../workflow-types';

const LIVE_OR_CLOSED = [...LIVE_STAGES, 'closed'] as const;

export const addNoteStep: StepDefinition<'add-note'> = {
  type: 'add-note',
  label: 'add a note',
  capacity: 'anyone',
  stages: () => LIVE_OR_CLOSED,
  run(c, actor, action, env): StepOutcome {
    if (isBlank(action.text)) return refuse('invalid-input', [workflowMessage('note-empty')]);
    const note = { id: `n${env.seq}`, at: env.now, by: actor.id, text: action.text };
    return { ok: true, case: { ...c, notes: [...c.notes, note] }, toStage: c.stage, details: { noteId: note.id } };
  },
};

export const addEvidenceStep: StepDefinition<'add-evidence'> = {
  type: 'add-evidence',
  label: 'add evidence',
  capacity: 'caseworker',
  stages: () => LIVE_STAGES,
  run(c, actor, action, env): StepOutcome {
    const missing: WorkflowMessage[] = [];
    if (isBlank(action.title)) missing.push(workflowMessage('evidence-needs-title'));
    if (isBlank(action.mediaType)) missing.push(workflowMessage('evidence-needs-media-type'));
    if (missing.length > 0) return refuse('invalid-input', missing);
    const item = {
      id: `e${env.seq}`,
      title: action.title,
      mediaType: action.mediaType,
      sizeBytes: action.sizeBytes,
      contentHash: action.contentHash,
      custody: [{ at: env.now, by: actor.id, action: 'received' as const, note: action.note }],
    };
    return {
      ok: true,
      case: { ...c, evidence: [...c.evidence, item] },
      toStage: c.stage,
      details: { evidenceId: item.id, contentHash: item.contentHash, sizeBytes: item.sizeBytes },
    };
  },
};

export const recordCustodyStep: StepDefinition<'record-custody'> = {
  type: 'record-custody',
  label: 'record a custody step',
  capacity: 'anyone',
  stages: () => LIVE_OR_CLOSED,
  gate: (c) => (c.evidence.length > 0 ? [] : [workflowMessage('no-evidence')]),
  run(c, actor, action, env): StepOutcome {
    const item = c.evidence.find((e) => e.id === action.evidenceId);
    if (!item) return refuse('invalid-input', [workflowMessage('evidence-unknown', { id: action.evidenceId })]);
    if (item.custody.some((entry) => entry.action === 'destroyed'))
      return refuse('invalid-input', [workflowMessage('evidence-destroyed')]);
    const entry = { at: env.now, by: actor.id, action: action.action, note: action.note };
    return {
      ok: true,
      case: {
        ...c,
        evidence: c.evidence.map((e) => (e.id === item.id ? { ...e, custody: [...e.custody, entry] } : e)),
      },
      toStage: c.stage,
      // The content hash names the stored file the step concerns (same case, same hash); never its title or path.
      details: { evidenceId: item.id, custody: action.action, contentHash: item.contentHash },
    };
  },
};

/** Reading sensitive parts of a case leaves a trace, so oversight can see who looked at what. */
export const viewSensitiveStep: StepDefinition<'view-sensitive'> = {
  type: 'view-sensitive',
  label: 'view sensitive data',
  capacity: 'anyone',
  stages: () => LIVE_OR_CLOSED,
  run(c, _actor, action) {
    return {
      ok: true,
      case: c,
      toStage: c.stage,
      eventType: 'sensitive-data-viewed',
      details: { what: action.what, itemId: action.itemId },
    };
  },
};
