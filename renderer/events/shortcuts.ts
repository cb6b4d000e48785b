/**
 * Keyboard shortcuts of the event log. They never fire while someone types in a field, so a
 * label or a question can hold any letter.
 */
export type Shortcut = 'mark' | 'pause';

const typedInputTypes = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'time',
  'month',
  'week',
]);

export function isTypingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && typedInputTypes.has(target.type);
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
