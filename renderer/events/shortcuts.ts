/**
 * Keyboard shortcuts of the hearing. They work wherever the focus is (a mark's label field, a
 * select, a button), because the moment to pause does not wait for the focus to move: Alt
 * never types a letter in those fields. The exception is a text area, where a person writes at
 * length and the keys belong to the text; Escape leaves it, and the shortcuts work again.
 */
export type Shortcut = 'mark' | 'pause';

/** Where the keys belong to the text being written: a text area or an editable region. */
export function isTypingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement;
}

const letters: Record<string, Shortcut> = { m: 'mark', p: 'pause' };
const places: Record<string, Shortcut> = { KeyM: 'mark', KeyP: 'pause' };

/**
 * Alt+M marks, Alt+P pauses or resumes. The letter typed counts (so an AZERTY keyboard's M is
 * M); only where Alt turns the key into another character (Option+M is µ on a Mac) does the
 * key's place decide.
 */
export function shortcutOf(event: {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): Shortcut | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const key = event.key.toLowerCase();
  if (/^[\x20-\x7e]$/.test(key)) return letters[key] ?? null;
  return places[event.code] ?? null;
}
