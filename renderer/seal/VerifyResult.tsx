import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/contract';
import { formatInstant } from '../format/dates';
import { formatLocale } from '../i18n/locale';

export type VerifyReport = CallOutput<'hearings.verify'>;

/**
 * The verdict of an integrity check as a clerk reads it: intact or not, then every check that
 * failed, with what it concerns (a file, the signature, the history) and where it went wrong.
 * The checks are described by the verifier in English, the language of the standalone verifier
 * a registry runs; they are marked as such for screen readers.
 */
export function VerifyResult({ report, checkedAt }: { report: VerifyReport; checkedAt: string }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const failed = report.checks.filter((c) => !c.ok);
  const passed = report.checks.length - failed.length;
  const english = i18n.resolvedLanguage !== 'en';

  return (
    <div className={`verdict verdict-${report.verdict}`} data-verdict={report.verdict}>
      <p className="verdict-title">
        <strong>{t(`seal.verify.verdict.${report.verdict}`)}</strong>{' '}
        {t(`seal.verify.explain.${report.verdict}`)}
      </p>
      {failed.length > 0 && (
        <>
          <p>{t('seal.verify.failedChecks', { count: failed.length })}</p>
          <ul className="failed-checks">
            {failed.map((check, index) => (
              <li key={`${check.what}-${index}`}>
                <strong lang="en">{check.what}</strong>
                {': '}
                <span lang="en">{check.detail}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">
        {t('seal.verify.summary', { count: passed, total: report.checks.length })}{' '}
        {t('seal.verify.checkedAt', { time: formatInstant(checkedAt, locale) })}
      </p>
      {report.notCovered.length > 0 && (
        <p>
          {t('seal.verify.notCovered')}{' '}
          {report.notCovered.map((name, index) => (
            <span key={name}>
              {index > 0 && ', '}
              <code>{name}</code>
            </span>
          ))}
        </p>
      )}
      <details className="all-checks">
        <summary>{t('seal.verify.allChecks', { count: report.checks.length })}</summary>
        {english && <p className="muted">{t('seal.verify.inEnglish')}</p>}
        <ul>
          {report.checks.map((check, index) => (
            <li key={`${check.what}-${index}`} className={check.ok ? 'ok' : 'failed'}>
              <span className="check-mark">
                {check.ok ? t('seal.verify.checkOk') : t('seal.verify.checkFailed')}
              </span>{' '}
              <strong lang="en">{check.what}</strong>
              {': '}
              <span lang="en">{check.detail}</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
