/**
 * The keys of the review view. A scheme's coding keys are single letters and digits (never J,
 * K, L or Space, which the player keeps); the player's own keys are these. The same function
 * tells both apart, so a new player key cannot silently shadow a code.
 */
export type ReviewKey =
  | { kind: 'playPause' }
  | { kind: 'back' }
  | { kind: 'pause' }
  | { kind: 'forward' }
  | { kind: 'seek'; direction: 1 | -1 }
  | { kind: 'frame'; direction: 1 | -1 }
  | { kind: 'jump'; direction: 'next' | 'previous' }
  | { kind: 'zoom'; direction: 'in' | 'out' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'end' }
  | { kind: 'code'; key: string };

/**
 * Where the focus is: in a field that takes text (every key belongs to the text), on a control
 * that Space and Enter activate (a button, a link, a checkbox), or elsewhere.
 */
export type FocusKind = 'text' | 'control' | 'other';

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export function reviewKeyOf(event: KeyPress, focus: FocusKind): ReviewKey | null {
  if (focus === 'text') return null;
  const command = event.ctrlKey || event.metaKey;
  const key = event.key;
  if (command && !event.altKey) {
    const letter = key.toLowerCase();
    if (letter === 'z') return event.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
    if (letter === 'y' && !event.shiftKey) return { kind: 'redo' };
    return null;
  }
  if (command) return null;
  if (event.altKey) {
    // Alt+arrows would otherwise go back in the browser's history, out of the review.
    if (key === 'ArrowLeft') return { kind: 'jump', direction: 'previous' };
    if (key === 'ArrowRight') return { kind: 'jump', direction: 'next' };
    return null;
  }
  // On a button or a link, Space and Enter keep activating it, as everywhere else.
  if (focus === 'control' && (key === ' ' || key === 'Enter')) return null;
  switch (key) {
    case ' ':
      return { kind: 'playPause' };
    case 'Enter':
      return { kind: 'end' };
    case 'ArrowLeft':
      return event.shiftKey ? { kind: 'frame', direction: -1 } : { kind: 'seek', direction: -1 };
    case 'ArrowRight':
      return event.shiftKey ? { kind: 'frame', direction: 1 } : { kind: 'seek', direction: 1 };
    case '[':
      return { kind: 'jump', direction: 'previous' };
    case ']':
      return { kind: 'jump', direction: 'next' };
    case '+':
    case '=':
      return { kind: 'zoom', direction: 'in' };
    case '-':
      return { kind: 'zoom', direction: 'out' };
  }
  const letter = key.toLowerCase();
  if (letter === 'j') return { kind: 'back' };
  if (letter === 'k') return { kind: 'pause' };
  if (letter === 'l') return { kind: 'forward' };
  if (/^[a-z0-9]$/.test(letter)) return { kind: 'code', key: letter };
  return null;
}

const textInputTypes = new Set([
  'text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week',
]);

/** What kind of element has the focus, as reviewKeyOf needs it. */
export function focusKindOf(target: EventTarget | null): FocusKind {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return 'text';
  if (target instanceof HTMLInputElement) return textInputTypes.has(target.type) ? 'text' : 'control';
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || target.tagName === 'SUMMARY')
    return 'control';
  return 'other';
}
