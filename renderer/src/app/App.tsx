import { useState } from 'react';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { assertNever } from '@shared/result';
import { NavBar } from './NavBar';
import type { ScreenId } from './screens';
import { DashboardScreen } from '../screens/DashboardScreen';
import { CasesScreen } from '../screens/CasesScreen';
import { ExchangeScreen } from '../screens/ExchangeScreen';
import { ReportsScreen } from '../screens/reports/ReportsScreen';
import { loadReportCases } from '../screens/reports/load-report-cases';
import { SettingsScreen } from '../screens/SettingsScreen';
import { useTranslation } from 'react-i18next';
import type { VaultSession } from '../screens/vault/VaultGate';
import { VaultBar } from '../screens/vault/VaultBar';
import { VaultSettingsPanel } from '../screens/vault/VaultSettingsPanel';
import { CorruptRecordsNotice } from '../screens/vault/CorruptRecordsNotice';

type Props = { readonly shell: CasebridgeApi; readonly session: VaultSession };

export function App({ shell, session }: Props) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<ScreenId>('dashboard');
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <NavBar current={screen} onNavigate={setScreen} />
      <div className="app__column">
        <VaultBar session={session} />
        <CorruptRecordsNotice report={session.vault.corruption} />
        <main id="main" className="app__main" tabIndex={-1}>
          {renderScreen(screen, shell, session)}
        </main>
      </div>
    </div>
  );
}

function renderScreen(screen: ScreenId, shell: CasebridgeApi, session: VaultSession) {
  switch (screen) {
    case 'dashboard':
      return <DashboardScreen />;
    case 'cases':
      return <CasesScreen />;
    case 'exchange':
      return <ExchangeScreen shell={shell} />;
    case 'reports':
      return (
        <ReportsScreen
          shell={shell}
          officeName={session.profile?.officeName ?? ''}
          officeJurisdiction={session.profile?.jurisdiction ?? ''}
          loadCases={() => loadReportCases(session.vault.db)}
        />
      );
    case 'settings':
      return (
        <>
          <SettingsScreen shell={shell} />
          <VaultSettingsPanel session={session} />
        </>
      );
    default:
      return assertNever(screen, 'screen');
  }
}
