import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../shared/domain/accounts';
import { minPasswordLength } from '../../shared/domain/password-policy';
import { roles, type Role } from '../../shared/api/schemas';
import { call } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useQuery } from '../api/use-query';
import { PageHeading } from '../components/PageHeading';
import { LoadFailed, Loading } from '../components/QueryStatus';

const loadAccounts = () => call('accounts.list', {});
const loadSettings = () => call('settings.get', {});

/**
 * The administrator's screen: accounts and the lock delay. The administrator sees no hearing;
 * main refuses them every hearing call.
 */
export function AccountsScreen() {
  const { t } = useTranslation();
  const accounts = useQuery('accounts', loadAccounts);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const report = useCallback(
    async (work: () => Promise<unknown>, done: string) => {
      setMessage(null);
      try {
        await work();
        setMessage({ error: false, text: done });
        accounts.reload();
        return true;
      } catch (err) {
        setMessage({ error: true, text: errorMessage(t, err) });
        return false;
      }
    },
    [accounts, t],
  );

  return (
    <>
      <PageHeading title={t('accounts.title')} />
      <div className="notice-slot" role="status">
        {message && <p className={`notice ${message.error ? 'error' : ''}`}>{message.text}</p>}
      </div>
      <section className="panel" aria-labelledby="accounts-list-title">
        <h2 id="accounts-list-title">{t('accounts.listTitle')}</h2>
        {accounts.value ? (
          <AccountTable accounts={accounts.value} report={report} />
        ) : accounts.error !== undefined ? (
          <LoadFailed what={t('accounts.loadFailed')} error={accounts.error} onRetry={accounts.reload} />
        ) : (
          <Loading />
        )}
      </section>
      <NewAccount report={report} />
      <LockSetting report={report} />
      <PastDaysSetting report={report} />
    </>
  );
}

type Report = (work: () => Promise<unknown>, done: string) => Promise<boolean>;

function AccountTable({ accounts, report }: { accounts: Account[]; report: Report }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="accounts">
        <thead>
          <tr>
            <th scope="col">{t('accounts.displayName')}</th>
            <th scope="col">{t('session.username')}</th>
            <th scope="col">{t('accounts.role')}</th>
            <th scope="col">{t('accounts.state')}</th>
            <th scope="col">{t('accounts.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <AccountRow key={account.id} account={account} report={report} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AccountRow({ account, report }: { account: Account; report: Report }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const id = useId();
  return (
    <tr>
      <th scope="row">{account.displayName}</th>
      <td>{account.username}</td>
      <td>
        <label className="visually-hidden" htmlFor={`${id}-role`}>
          {t('accounts.roleOf', { name: account.displayName })}
        </label>
        <select
          id={`${id}-role`}
          value={account.role}
          onChange={(event) => {
            const role = event.currentTarget.value as Role;
            void report(() => call('accounts.update', { userId: account.id, role }), t('accounts.roleChanged'));
          }}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </td>
      <td>{account.disabled ? t('accounts.disabled') : t('accounts.enabled')}</td>
      <td className="account-actions">
        <button
          type="button"
          className="button small"
          onClick={() =>
            void report(
              () => call('accounts.update', { userId: account.id, disabled: !account.disabled }),
              account.disabled ? t('accounts.enabledDone') : t('accounts.disabledDone'),
            )
          }
        >
          {account.disabled ? t('accounts.enable') : t('accounts.disable')}
          <span className="visually-hidden"> {account.displayName}</span>
        </button>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void report(() => call('accounts.resetPassword', { userId: account.id, password }), t('accounts.passwordReset')).then(
              (ok) => ok && setPassword(''),
            );
          }}
        >
          <label className="visually-hidden" htmlFor={`${id}-password`}>
            {t('accounts.newPasswordFor', { name: account.displayName })}
          </label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            className="input-text small"
            minLength={minPasswordLength}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <button type="submit" className="button small">
            {t('accounts.resetPassword')}
            <span className="visually-hidden"> {account.displayName}</span>
          </button>
        </form>
      </td>
    </tr>
  );
}

function NewAccount({ report }: { report: Report }) {
  const { t } = useTranslation();
  const empty = { displayName: '', username: '', role: 'interviewer' as Role, password: '' };
  const [values, setValues] = useState(empty);

  function submit(event: FormEvent) {
    event.preventDefault();
    void report(() => call('accounts.create', values), t('accounts.created', { name: values.displayName })).then(
      (ok) => ok && setValues(empty),
    );
  }

  return (
    <section className="panel" aria-labelledby="new-account-title">
      <h2 id="new-account-title">{t('accounts.newTitle')}</h2>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="new-account-name">{t('accounts.displayName')}</label>
          <input
            id="new-account-name"
            className="input-text"
            required
            value={values.displayName}
            onChange={(event) => setValues({ ...values, displayName: event.currentTarget.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="new-account-username">{t('session.username')}</label>
          <input
            id="new-account-username"
            className="input-text"
            required
            autoComplete="off"
            spellCheck={false}
            value={values.username}
            onChange={(event) => setValues({ ...values, username: event.currentTarget.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="new-account-role">{t('accounts.role')}</label>
          <select
            id="new-account-role"
            value={values.role}
            onChange={(event) => setValues({ ...values, role: event.currentTarget.value as Role })}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-account-password">{t('accounts.firstPassword')}</label>
          <span id="new-account-password-hint" className="field-hint">
            {t('session.passwordHint', { min: minPasswordLength })}
          </span>
          <input
            id="new-account-password"
            className="input-text"
            type="password"
            autoComplete="new-password"
            required
            minLength={minPasswordLength}
            aria-describedby="new-account-password-hint"
            value={values.password}
            onChange={(event) => setValues({ ...values, password: event.currentTarget.value })}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button primary">
            {t('accounts.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

function LockSetting({ report }: { report: Report }) {
  const { t } = useTranslation();
  const settings = useQuery('settings', loadSettings);
  const [minutes, setMinutes] = useState<string | null>(null);
  const shown = minutes ?? String(settings.value?.lockAfterMinutes ?? '');
  return (
    <section className="panel" aria-labelledby="lock-setting-title">
      <h2 id="lock-setting-title">{t('accounts.lockTitle')}</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void report(() => call('settings.set', { lockAfterMinutes: Number(shown) }), t('accounts.lockSaved'));
        }}
      >
        <div className="field">
          <label htmlFor="lock-after">{t('accounts.lockAfter')}</label>
          <input
            id="lock-after"
            className="input-text small"
            type="number"
            min={1}
            max={240}
            required
            value={shown}
            onChange={(event) => setMinutes(event.currentTarget.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('accounts.lockSave')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** How far in the past a hearing date may be entered; main refuses older dates as mistakes. */
function PastDaysSetting({ report }: { report: Report }) {
  const { t } = useTranslation();
  const settings = useQuery('settings', loadSettings);
  const [days, setDays] = useState<string | null>(null);
  const shown = days ?? String(settings.value?.hearingDatePastDays ?? '');
  return (
    <section className="panel" aria-labelledby="past-days-title">
      <h2 id="past-days-title">{t('accounts.pastDaysTitle')}</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          // settings.set takes the lock delay too: the one main holds now, not one read earlier.
          void report(async () => {
            const { lockAfterMinutes } = await call('settings.get', {});
            return call('settings.set', { lockAfterMinutes, hearingDatePastDays: Number(shown) });
          }, t('accounts.lockSaved'));
        }}
      >
        <div className="field">
          <label htmlFor="past-days">{t('accounts.pastDays')}</label>
          <input
            id="past-days"
            className="input-text small"
            type="number"
            min={0}
            max={3650}
            required
            value={shown}
            onChange={(event) => setDays(event.currentTarget.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('accounts.pastDaysSave')}
          </button>
        </div>
      </form>
    </section>
  );
}
