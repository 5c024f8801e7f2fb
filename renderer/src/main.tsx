import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { boot } from './boot/boot';
import i18next from 'i18next';
import { initI18n } from './i18n/i18n';
import { AppLoading } from './app/AppLoading';
import { loadApp, loadAppOnFirstSubmit } from './app/load-app';
import { BootFailure } from './boot/BootFailure';
import { PreviewBanner } from './components/PreviewBanner';
import { wordedShell } from './components/worded-shell';
import { OfficeSwitch } from './screens/training/OfficeSwitch';
import { createAppVaultService } from './vault/vault-service';
import './styles/app.css';

/**
 * React Aria injects a <style> for pressable elements unless an element with this id exists. Our CSP
 * forbids inline styles, so the rule lives in app.css and this marker stops the blocked injection.
 */
function claimReactAriaStyleSlot(): void {
  const marker = document.createElement('meta');
  marker.id = 'react-aria-pressable-style';
  document.head.append(marker);
}

const App = lazy(() => loadApp().then((module) => ({ default: module.App })));

async function main(): Promise<void> {
  claimReactAriaStyleSlot();
  const container = document.getElementById('root');
  if (container === null) throw new Error('index.html has no #root element');
  const root = createRoot(container);
  await initI18n();
  const outcome = await boot();
  if (outcome.kind !== 'ready') {
    root.render(
      <StrictMode>
        <BootFailure outcome={outcome} />
      </StrictMode>,
    );
    return;
  }
  // Failures from main reach the screens in the interface language, whatever it is when they happen.
  const shell = wordedShell(outcome.shell, {
    t: (key, values) => i18next.t(key, values),
    language: () => i18next.language,
  });
  // Nothing of the app renders until the vault gate says it is unlocked.
  const vault = await createAppVaultService();
  root.render(
    <StrictMode>
      <PreviewBanner shell={shell} />
      <OfficeSwitch real={vault} shell={shell}>
        {(session) => (
          <Suspense fallback={<AppLoading />}>
            <App shell={shell} session={session} />
          </Suspense>
        )}
      </OfficeSwitch>
    </StrictMode>,
  );
  loadAppOnFirstSubmit();
}

void main();
