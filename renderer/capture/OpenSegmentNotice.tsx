import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hearing } from '../../shared/domain/hearing';
import { formatRoughDuration } from '../events/format';
import { formatSize } from '../format/size';
import { formatLocale } from '../i18n/locale';

/** How often the page asks main whether the open segment has been closed. */
const pollMs = 1000;

/**
 * What a page opened or reloaded in the middle of a recording says: a segment is still open,
 * recorded by a page that went away (or by another window), and main closes it by itself once
 * that page is quiet; then that main closed it, what was kept, and that a new segment can follow.
 */
export function OpenSegmentNotice({
  hearing,
  recordingHere,
  onChanged,
}: {
  hearing: Hearing;
  /** Whether this page is recording a segment of the hearing now. */
  recordingHere: boolean;
  /** Reads the hearing again. */
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const open = recordingHere ? undefined : hearing.recordings.find((r) => r.status === 'recording');
  const last = hearing.recordings.at(-1);
  const lost = !open && hearing.status !== 'sealed' && last?.stopReason === 'page_lost' ? last : undefined;

  useEffect(() => {
    if (!open) return;
    const timer = window.setInterval(onChanged, pollMs);
    return () => window.clearInterval(timer);
  }, [open, onChanged]);

  if (open) {
    return (
      <div className="notice warning open-segment" role="status" data-testid="open-segment">
        <p>
          <strong>{t('openSegment.openTitle', { segment: open.segment })}</strong>
        </p>
        <p>{t('openSegment.openBody')}</p>
      </div>
    );
  }
  if (!lost) return null;
  return (
    <div className="notice warning open-segment" role="status" data-testid="page-lost">
      <p>
        <strong>{t('openSegment.lostTitle', { segment: lost.segment })}</strong>
      </p>
      <p>
        {t('openSegment.lostBody', {
          size: formatSize(lost.sizeBytes, locale),
          duration: formatRoughDuration(lost.durationMs ?? 0, locale),
        })}
      </p>
    </div>
  );
}
