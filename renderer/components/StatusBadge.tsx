import { useTranslation } from 'react-i18next';
import type { HearingStatus, RecordingStatus } from '../../shared/domain/hearing';

export function HearingStatusBadge({ status }: { status: HearingStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`hearingStatus.${status}`)}</span>;
}

export function RecordingStatusBadge({ status }: { status: RecordingStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`recordingStatus.${status}`)}</span>;
}
