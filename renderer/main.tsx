import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { captureToken } from './api/token';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { SessionGate } from './session/SessionGate';
import { initI18n } from './i18n';
import './styles/app.css';

// The CSP allows no eval: zod must not probe for `new Function` (each probe is a CSP violation).
z.config({ jitless: true });
captureToken();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

function render(): void {
  createRoot(root!).render(
    <StrictMode>
      <ErrorBoundary>
        <SessionGate>
          <App />
        </SessionGate>
      </ErrorBoundary>
    </StrictMode>,
  );
}

// The page renders once its language is loaded (one small chunk); if that fails, it renders all
// the same, and the error boundary and the console say what went wrong.
initI18n().then(render, (err: unknown) => {
  console.error('The language could not be loaded', err);
  render();
});
