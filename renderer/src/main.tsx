import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { boot } from './boot/boot';
import { initI18n } from './i18n/i18n';
import { App } from './app/App';
import { BootFailure } from './boot/BootFailure';
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

async function main(): Promise<void> {
  claimReactAriaStyleSlot();
  const container = document.getElementById('root');
  if (container === null) throw new Error('index.html has no #root element');
  const root = createRoot(container);
  await initI18n();
  const outcome = await boot();
  root.render(<StrictMode>{outcome.kind === 'ready' ? <App shell={outcome.shell} /> : <BootFailure outcome={outcome} />}</StrictMode>);
}

void main();
