import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { captureToken } from './api/token';
import { ErrorBoundary } from './components/ErrorBoundary';
import { SessionGate } from './session/SessionGate';
import { askFirstStatus } from './session/first-status';
import { initI18n } from './i18n';
import './styles/app.css';

captureToken();
askFirstStatus();

// The signed-in app (the hearing list and what it opens, with the validation library) is its own
// chunk, loaded once someone is signed in: the sign-in screen does not wait for it.
const App = lazy(() => import('./App').then((m) => ({ default: m.App })));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

function render(): void {
  createRoot(root!).render(
    <StrictMode>
      <ErrorBoundary>
        <SessionGate>
          <Suspense fallback={null}>
            <App />
          </Suspense>
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
