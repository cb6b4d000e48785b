import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorMessage } from '../api/error-message';
import { localeOf } from '../i18n/locale';

interface Prepared {
  format: 'eaf' | 'csv';
  files: { name: string; url: string }[];
}

/**
 * EAF (one file per segment, for ELAN) and CSV, downloaded from the page: main gives the files'
 * content, each becomes a Blob behind a download link. A link per file, because a browser asks
 * before letting one click download several files.
 */
export function ExportLinks({ hearingId }: { hearingId: string }) {
  const { t, i18n } = useTranslation();
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  // Blob addresses hold their content until revoked.
  useEffect(() => () => prepared?.files.forEach((f) => URL.revokeObjectURL(f.url)), [prepared]);

  async function prepare(format: 'eaf' | 'csv') {
    setError(undefined);
    try {
      const { files } = await call('annotations.export', {
        hearingId,
        format,
        language: localeOf(i18n.resolvedLanguage) ?? 'en',
      });
      setPrepared({
        format,
        files: files.map((f) => ({ name: f.name, url: URL.createObjectURL(new Blob([f.content], { type: f.mimeType })) })),
      });
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="panel no-print" aria-labelledby="export-title">
      <h2 id="export-title">{t('review.export.title')}</h2>
      <p className="actions">
        <button type="button" className="button small" onClick={() => void prepare('eaf')}>
          {t('review.export.eaf')}
        </button>
        <button type="button" className="button small" onClick={() => void prepare('csv')}>
          {t('review.export.csv')}
        </button>
      </p>
      {error !== undefined && (
        <p className="notice error" role="alert">
          {t('review.export.failed')} {errorMessage(t, error)}
        </p>
      )}
      {prepared && (
        <div role="status">
          <p>{t('review.export.ready', { count: prepared.files.length })}</p>
          <ul>
            {prepared.files.map((f) => (
              <li key={f.url}>
                <a href={f.url} download={f.name}>
                  {f.name}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
