import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/contract';
import { formatInstant } from '../format/dates';
import { formatLocale } from '../i18n/locale';

export type VerifyReport = CallOutput<'hearings.verify'>;
type Check = VerifyReport['checks'][number];
type Lang = 'nl' | 'fr' | 'de' | 'en';

/** A check in the reader's language when the verifier gave it, else in English, marked so. */
function CheckText({ check, language }: { check: Check; language: Lang }) {
  const text = check.text?.[language];
  const lang = text ? language : 'en';
  return (
    <>
      <strong lang={lang}>{text?.what ?? check.what}</strong>
      {': '}
      <span lang={lang}>{text?.detail ?? check.detail}</span>
    </>
  );
}

/**
 * The verdict of an integrity check as a clerk reads it: intact or not, then every check that
 * failed, with what it concerns (a file, the signature, the history) and where it went wrong.
 * The verifier describes its checks in the four languages; the app's own checks of its database
 * are in English and marked as such for screen readers. A check that was not done (a remuxer of
 * another version) is neither passed nor failed: it is listed apart.
 */
export function VerifyResult({ report, checkedAt }: { report: VerifyReport; checkedAt: string }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const failed = report.checks.filter((c) => !c.ok);
  const notDone = report.checks.filter((c) => c.ok && !c.done);
  const passed = report.checks.length - failed.length - notDone.length;
  const language = (['nl', 'fr', 'de', 'en'] as const).find((l) => l === i18n.resolvedLanguage) ?? 'en';
  const english = language !== 'en' && report.checks.some((c) => !c.text);
  // The seal and the signed addenda after it, in one line: "…intact; 2 addenda, both intact".
  const addenda = report.checks.find((c) => c.code === 'addenda');

  return (
    <div className={`verdict verdict-${report.verdict}`} data-verdict={report.verdict}>
      <p className="verdict-title">
        <strong>{t(`seal.verify.verdict.${report.verdict}`)}</strong>{' '}
        {t(`seal.verify.explain.${report.verdict}`)}
      </p>
      {addenda && (
        <p className="addenda-summary" data-testid="addenda-summary">
          <CheckText check={addenda} language={language} />
        </p>
      )}
      {failed.length > 0 && (
        <>
          <p>{t('seal.verify.failedChecks', { count: failed.length })}</p>
          <ul className="failed-checks">
            {failed.map((check, index) => (
              <li key={`${check.code}-${index}`}>
                <CheckText check={check} language={language} />
              </li>
            ))}
          </ul>
        </>
      )}
      {notDone.length > 0 && (
        <>
          <p>{t('seal.verify.notDoneChecks', { count: notDone.length })}</p>
          <ul className="failed-checks">
            {notDone.map((check, index) => (
              <li key={`${check.code}-${index}`}>
                <CheckText check={check} language={language} />
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
            <li key={`${check.code}-${index}`} className={check.ok ? 'ok' : 'failed'}>
              <span className="check-mark">
                {!check.ok ? t('seal.verify.checkFailed') : check.done ? t('seal.verify.checkOk') : t('seal.verify.checkNotDone')}
              </span>{' '}
              <CheckText check={check} language={language} />
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
