import type { CaseStep } from '../../cases/case-steps';

/** Where the Cases area stands: the list, the new-case form, or one case opened at a step. */
export type CaseRoute =
  | { readonly view: 'list' }
  | { readonly view: 'new' }
  | { readonly view: 'case'; readonly caseId: string; readonly step?: CaseStep };

export type OpenRoute = (route: CaseRoute) => void;
