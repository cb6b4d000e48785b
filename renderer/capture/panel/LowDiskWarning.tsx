import { useTranslation } from 'react-i18next';
import { formatSize } from '../../format/size';
import { formatLocale } from '../../i18n/locale';
import type { DiskLevel } from '../recording-session';
import { hoursAndMinutes, recordingTimeLeftMs } from './bitrate';
import type { Storage } from './use-storage';

/**
 * The low-disk warning, from the first moment it applies: main's answer to the last chunk while
 * recording, and its storage levels before a recording starts, so nobody starts a hearing that
 * the disk cannot hold. It says how long one can still record at the chosen bitrate.
 */
export function LowDiskWarning(props: {
  disk: DiskLevel | null;
  storage: Storage | null;
  bitsPerSecond: number;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const { disk, storage } = props;
  const freeBytes = disk?.freeBytes ?? storage?.freeBytes ?? null;
  const low = disk ? disk.lowDisk : storage ? storage.freeBytes < storage.warnBytes : false;
  if (!low || freeBytes === null) return null;
  const leftMs = storage
    ? recordingTimeLeftMs(freeBytes, storage.stopBytes, props.bitsPerSecond)
    : null;
  return (
    <p className="notice warning">
      {t('capture.lowDisk', { free: formatSize(freeBytes, locale) })}
      {leftMs !== null && <> {t('capture.lowDiskTimeLeft', hoursAndMinutes(leftMs))}</>}
    </p>
  );
}
