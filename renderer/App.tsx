import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout';
import { PageHeading } from './components/PageHeading';
import { useRoute } from './routing/router';
import { hrefFor } from './routing/routes';
import { HearingPage } from './screens/HearingPage';
import { HearingsList } from './screens/HearingsList';
import { NewHearingForm } from './screens/NewHearingForm';
import { ReviewPage } from './review/ReviewPage';
import { AccountsScreen } from './session/AccountsScreen';
import { useSession } from './session/session-context';

export function App() {
  const route = useRoute();
  const { user } = useSession();
  // The administrator manages accounts and sees no hearing: main refuses them every hearing call.
  if (user.role === 'administrator') {
    return (
      <Layout onHome>
        <AccountsScreen />
      </Layout>
    );
  }
  return (
    <Layout onHome={route.name === 'hearings'}>
      {route.name === 'hearings' && <HearingsList search={route.search} />}
      {route.name === 'newHearing' && <NewHearingForm />}
      {route.name === 'hearing' && (
        <HearingPage key={route.hearingId} hearingId={route.hearingId} />
      )}
      {route.name === 'review' && <ReviewPage key={route.hearingId} hearingId={route.hearingId} />}
      {route.name === 'notFound' && <NotFound />}
    </Layout>
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
