import { useEffect, useRef, useState } from 'react';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { assertNever } from '@shared/result';
import { NavBar } from './NavBar';
import { deskScreens, officeScreens, type ScreenId } from './screens';
import { recallPlace, rememberPlace, type Place } from './kept-place';
import { useLeaveGuard } from './useLeaveGuard';
import { DashboardScreen } from '../screens/dashboard/DashboardScreen';
import { CasesWorkspace } from '../screens/cases/CasesWorkspace';
import type { CaseRoute } from '../screens/cases/case-route';
import { CasesProvider } from '../cases/CasesProvider';
import { WorkPreferencesPanel } from '../components/WorkPreferencesPanel';
import { HolidayRegionsPanel } from '../components/HolidayRegionsPanel';
import { OfficeLetterheadPanel } from '../components/OfficeLetterheadPanel';
import { ExchangeScreen } from '../screens/ExchangeScreen';
import { ReportsScreen } from '../screens/reports/ReportsScreen';
import { loadReportCases } from '../screens/reports/load-report-cases';
import { buildOversightFile } from '../screens/reports/build-oversight-file';
import { SettingsScreen } from '../screens/SettingsScreen';
import { HelpScreen } from '../screens/help/HelpScreen';
import { useTranslation } from 'react-i18next';
import type { VaultSession } from '../vault/vault-session';
import type { ReportPeriod } from '@shared/reports/report-period';
import { VaultBar } from '../screens/vault/VaultBar';
import { VaultSettingsPanel } from '../screens/vault/VaultSettingsPanel';
import { BackupPanel } from '../screens/backup/BackupPanel';
import { BackupReminderNotice } from '../screens/backup/BackupReminderNotice';
import { PeoplePanel } from '../screens/vault/PeoplePanel';
import { CorruptRecordsNotice } from '../screens/vault/CorruptRecordsNotice';
import { ExchangeProvider, useExchange } from '../exchange/ExchangeProvider';
import { PartnerOfficesPanel } from '../screens/offices/PartnerOfficesPanel';
import { CaseExchangeSection } from '../screens/exchange/CaseExchangeSection';
import { TrainingOffNotice } from '../screens/training/TrainingOffNotice';
import { SendPeriodReport } from '../screens/oversight/SendPeriodReport';
import { OfficeRecommendations } from '../screens/oversight/OfficeRecommendations';
import { DeskScreen } from '../screens/oversight/DeskScreen';

type Props = { readonly shell: CasebridgeApi; readonly session: VaultSession };

export function App({ shell, session }: Props) {
  const { t } = useTranslation();
  const personId = session.vault.person?.personId ?? '';
  // After a lock, the person who unlocks is back where they were (`kept-place.ts`), with their draft offered there.
  const [{ screen: kept, caseRoute }, setPlace] = useState<Place>(() => recallPlace(personId));
  // An oversight body's desk has no case screens (issue #19): it opens on its desk.
  const screens = session.profile?.installation === 'oversight' ? deskScreens : officeScreens;
  const screen = screens.includes(kept) ? kept : (screens[0] ?? 'help');
  useEffect(() => rememberPlace(personId, { screen, caseRoute }), [personId, screen, caseRoute]);
  const leave = useLeaveGuard(session.vault);
  // An unlock opens the app as a page load would: keyboard users start at the top, where the next Tab reaches the
  // skip link. (The first screen's heading takes focus as it mounts, like every screen after it; this effect, the
  // parent's, runs after it. From then on each screen change focuses its heading.)
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    top.current?.focus({ preventScroll: true });
  }, []);
  const navigate = (next: ScreenId) => leave.guard(() => setPlace({ screen: next, caseRoute: { view: 'list' } }));
  const openCase = (route: CaseRoute) => leave.guard(() => setPlace({ screen: 'cases', caseRoute: route }));
  return (
    <CasesProvider session={session} shell={shell}>
      <ExchangeProvider session={session}>
        <div className="app" ref={top} tabIndex={-1}>
          <a className="skip-link" href="#main">
            {t('app.skipToContent')}
          </a>
          <NavBar current={screen} onNavigate={navigate} screens={screens} />
          <div className="app__column">
            <VaultBar session={session} />
            <CorruptRecordsNotice report={session.vault.corruption} />
            <main id="main" className="app__main" tabIndex={-1}>
              {renderScreen(screen, shell, session, caseRoute, openCase)}
            </main>
            {leave.dialog}
          </div>
        </div>
      </ExchangeProvider>
    </CasesProvider>
  );
}

function renderScreen(
  screen: ScreenId,
  shell: CasebridgeApi,
  session: VaultSession,
  caseRoute: CaseRoute,
  openCase: (route: CaseRoute) => void,
) {
  switch (screen) {
    case 'dashboard':
      return (
        <>
          {session.training ? null : <BackupReminderNotice vault={session.vault} />}
          <DashboardScreen onOpen={openCase} />
          {session.training ? null : <OfficeRecommendations onOpen={openCase} />}
        </>
      );
    case 'cases':
      return (
        <>
          <CasesWorkspace route={caseRoute} onOpen={openCase} />
          {caseRoute.view === 'case' && !session.training ? (
            <CaseExchangeSection key={caseRoute.caseId} caseId={caseRoute.caseId} />
          ) : null}
        </>
      );
    case 'exchange':
      // Nothing leaves the training office or comes into it: no bundles, key cards or backups (docs/training-office.md).
      return session.training ? (
        <TrainingOffNotice screen="exchange" />
      ) : (
        <ExchangeScreen shell={shell} onOpenCase={openCase} />
      );
    case 'reports':
      return <ReportsRoute shell={shell} session={session} />;
    case 'settings':
      return (
        <>
          <SettingsScreen shell={shell} />
          {/* A desk works no cases: no case preferences, holiday calendars or letterhead. */}
          {session.profile?.installation === 'oversight' ? null : (
            <>
              <WorkPreferencesPanel />
              <HolidayRegionsPanel />
              <OfficeLetterheadPanel />
            </>
          )}
          {session.training ? <TrainingOffNotice /> : null}
          <PartnerOfficesPanel training={session.training} />
          <VaultSettingsPanel session={session} />
          {session.training ? null : <BackupPanel session={session} shell={shell} />}
          <PeoplePanel session={session} />
        </>
      );
    case 'desk':
      return <DeskScreen />;
    case 'help':
      return <HelpScreen />;
    default:
      return assertNever(screen, 'screen');
  }
}

/** The reports screen, signing the oversight file through the exchange layer's office signer (it owns the key). */
function ReportsRoute({ shell, session }: Props) {
  const { own } = useExchange();
  const office = own.status === 'ready' ? own.own : null;
  const loadCases = () => loadReportCases(session.vault.db);
  const buildFile = (period: ReportPeriod, now: Date) => buildOversightFile(session.vault.db, office, period, now);
  return (
    <ReportsScreen
      shell={shell}
      officeName={session.profile?.officeName ?? ''}
      officeJurisdiction={session.profile?.jurisdiction ?? ''}
      loadCases={loadCases}
      buildOversightFile={buildFile}
      sendToOversight={
        // Nothing leaves the training office (docs/training-office.md).
        session.training
          ? undefined
          : (period) => <SendPeriodReport period={period} loadCases={loadCases} buildAuditExport={buildFile} />
      }
    />
  );
}
