import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout';
import { PageHeading } from './components/PageHeading';
import { useRoute } from './routing/router';
import { hrefFor } from './routing/routes';
import { HearingsList } from './screens/HearingsList';
import { useSession } from './session/session-context';

// The first screen loads only what it needs: the new-hearing form, capture (with Tweakpane), the
// review view and the accounts screen are fetched when they are opened, and with them the
// validation library (zod) that checks their forms.
const NewHearingForm = lazy(() => import('./screens/NewHearingForm').then((m) => ({ default: m.NewHearingForm })));
const HearingPage = lazy(() => import('./screens/HearingPage').then((m) => ({ default: m.HearingPage })));
const ReviewPage = lazy(() => import('./review/ReviewPage').then((m) => ({ default: m.ReviewPage })));
const AccountsScreen = lazy(() =>
  import('./session/AccountsScreen').then((m) => ({ default: m.AccountsScreen })),
);

export function App() {
  const route = useRoute();
  const { user } = useSession();
  // The administrator manages accounts and sees no hearing: main refuses them every hearing call.
  if (user.role === 'administrator') {
    return (
      <Layout onHome>
        <Suspense fallback={<Loading />}>
          <AccountsScreen />
        </Suspense>
      </Layout>
    );
  }
  return (
    <Layout onHome={route.name === 'hearings'}>
      {route.name === 'hearings' && <HearingsList search={route.search} />}
      <Suspense fallback={<Loading />}>
        {route.name === 'newHearing' && <NewHearingForm />}
        {route.name === 'hearing' && (
          <HearingPage key={route.hearingId} hearingId={route.hearingId} />
        )}
        {route.name === 'review' && <ReviewPage key={route.hearingId} hearingId={route.hearingId} />}
      </Suspense>
      {route.name === 'notFound' && <NotFound />}
    </Layout>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" aria-live="polite">
      {t('app.loading')}
    </p>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <p>
        <a href={hrefFor({ name: 'hearings' })}>{t('hearing.back')}</a>
      </p>
    </>
  );
}
