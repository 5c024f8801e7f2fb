import { CaseScreen } from '../case/CaseScreen';
import type { CaseRoute, OpenRoute } from './case-route';
import { CaseListScreen } from './CaseListScreen';
import { NewCaseScreen } from './NewCaseScreen';

/** The Cases area: the list, the new-case form, or one case. */
export function CasesWorkspace({ route, onOpen }: { readonly route: CaseRoute; readonly onOpen: OpenRoute }) {
  switch (route.view) {
    case 'list':
      return <CaseListScreen onOpen={onOpen} />;
    case 'new':
      return <NewCaseScreen onOpen={onOpen} />;
    case 'case':
      return (
        <CaseScreen
          key={`${route.caseId}-${route.step ?? ''}`}
          caseId={route.caseId}
          step={route.step}
          onOpen={onOpen}
        />
      );
  }
}
