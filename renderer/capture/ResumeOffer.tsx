import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevicesBack, LostDevice } from './device-loss';
import './resume-offer.css';

const autoResumeKey = 'hearingRoom.autoResume';

/** Whether the person wants a new segment to start by itself when a lost device is back. */
export function useAutoResume(): [boolean, (auto: boolean) => void] {
  const [auto, setAuto] = useState(() => {
    try {
      return localStorage.getItem(autoResumeKey) === 'true';
    } catch {
      return false;
    }
  });
  const change = useCallback((next: boolean) => {
    setAuto(next);
    try {
      localStorage.setItem(autoResumeKey, String(next));
    } catch {
      // Without storage the choice lasts as long as the window.
    }
  }, []);
  return [auto, change];
}

/**
 * After a camera or microphone was lost mid-recording: whether it is back, and one button to
 * record on in a new segment (the segment that was cut stays as it was written).
 */
export function ResumeOffer(props: {
  lost: LostDevice;
  back: DevicesBack | null;
  resuming: boolean;
  auto: boolean;
  onAutoChange: (auto: boolean) => void;
  onResume: (devices: DevicesBack) => void;
}) {
  const { t } = useTranslation();
  const { back } = props;
  return (
    <div className="resume-offer">
      <p role="status" className="resume-state">
        {props.resuming
          ? t('capture.resume.resuming')
          : back
            ? t('capture.resume.back')
            : t(`capture.resume.waiting.${props.lost.device}`)}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={!back || props.resuming}
          onClick={() => back && props.onResume(back)}
        >
          <span className="rec-symbol" aria-hidden="true" />
          {t('capture.resume.button')}
        </button>
        <label className="check">
          <input
            type="checkbox"
            checked={props.auto}
            onChange={(event) => props.onAutoChange(event.target.checked)}
          />
          {t('capture.resume.auto')}
        </label>
      </div>
    </div>
  );
}
