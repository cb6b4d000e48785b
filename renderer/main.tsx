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
initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <SessionGate>
        <App />
      </SessionGate>
    </ErrorBoundary>
  </StrictMode>,
);
