import { useCallback, useState } from 'react';
import { loadSettings, saveSettings, type CaptureSettings } from './capture-settings';
import { supportedFormats, type RecordingFormat } from './formats';

/**
 * The capture settings of this computer, with the formats its browser can record. A change is
 * kept for the next hearing.
 */
export function useCaptureSettings(): {
  settings: CaptureSettings;
  formats: RecordingFormat[];
  change: (settings: CaptureSettings) => void;
} {
  const [formats] = useState(() => supportedFormats());
  const [settings, setSettings] = useState(() => loadSettings(formats));
  const change = useCallback((next: CaptureSettings) => {
    setSettings(next);
    saveSettings(next);
  }, []);
  return { settings, formats, change };
}
