import { useEffect, useRef } from 'react';
import { call } from '../api/client';

const checkEveryMs = 15_000;
/** How often main hears that the person is using the screen, so it does not lock the session itself. */
const reportEveryMs = 60_000;
const inputs = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks the screen after `lockAfterMinutes` without a key, a click or a move. Main locks the
 * session on its own after the same time without calls; while the person works without making
 * any (reading, watching), the page tells main once a minute.
 */
export function useInactivityLock(lockAfterMinutes: number, active: boolean, lock: () => void): void {
  const lockRef = useRef(lock);
  useEffect(() => {
    lockRef.current = lock;
  });
  useEffect(() => {
    if (!active) return;
    let lastInput = Date.now();
    let lastReport = Date.now();
    const onInput = () => {
      lastInput = Date.now();
    };
    for (const name of inputs) window.addEventListener(name, onInput, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (now - lastInput >= lockAfterMinutes * 60_000) {
        lockRef.current();
      } else if (lastInput > lastReport && now - lastReport >= reportEveryMs) {
        lastReport = now;
        void call('session.status', { active: true }).catch(() => undefined);
      }
    }, checkEveryMs);
    return () => {
      window.clearInterval(timer);
      for (const name of inputs) window.removeEventListener(name, onInput, { capture: true });
    };
  }, [lockAfterMinutes, active]);
}
