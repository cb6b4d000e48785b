import { powerSaveBlocker } from 'electron';
import type { KeepAwake } from '../services/keep-awake';

/**
 * Keeps the screen on (and so the machine awake) while a hold is taken: the technician watches
 * the picture during a recording. Each hold has its own blocker so that releasing one recording
 * never lifts another's.
 */
export const powerSaveKeepAwake: KeepAwake = {
  hold(_reason: string) {
    const id = powerSaveBlocker.start('prevent-display-sleep');
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      if (powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
    };
  },
};
