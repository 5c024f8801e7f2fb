import { z } from 'zod';

/** Stages in order. Not every kind passes every stage (see shared/workflow/stage-path.ts). */
export const CASE_STAGES = [
  'draft',
  'authorised',
  'request-sent',
  'response-received',
  'notice',
  'challenge-window',
  'challenge-lodged',
  'redress-review',
  'remedies',
  // The executing side (a request received from another office).
  'received',
  'executing',
  'refused',
  'response-sent',
  'closed',
  'purged',
] as const;
export const caseStageSchema = z.enum(CASE_STAGES);
export type CaseStage = z.infer<typeof caseStageSchema>;

export const stageIndex = (stage: CaseStage): number => CASE_STAGES.indexOf(stage);

export const CASE_KINDS = ['data-access-request', 'enforcement-action', 'rights-complaint'] as const;
export const caseKindSchema = z.enum(CASE_KINDS);
export type CaseKind = z.infer<typeof caseKindSchema>;
