/**
 * Every input of the procedural record has an element id made from its dotted path in the record
 * (`order.date`, `attendees.2.trainingReference`), the same path the rule engine names in a
 * report. A report therefore leads straight to the input that fixes it.
 */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

const controls =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/** Paths whose first input is not where the fix starts: a missing person is added. */
const startsAt: Record<string, string> = { attendees: 'attendees.add' };

/**
 * Moves the focus to the input for a path, scrolling it into view. A path with no input of its
 * own (a whole section, a group of choices) leads to the first input inside it, and a path not
 * on screen to its nearest shown parent. Returns false if nothing was found.
 */
export function focusField(path: string): boolean {
  const parts = path.split('.');
  const candidates = parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
  for (const candidate of candidates.flatMap((p) => [startsAt[p], p])) {
    const element = candidate ? document.getElementById(fieldId(candidate)) : null;
    if (!element) continue;
    const target = element.matches(controls)
      ? element
      : ((element.matches('fieldset')
          ? element.querySelector<HTMLElement>('input[type="radio"]:checked')
          : null) ??
        element.querySelector<HTMLElement>(controls) ??
        element.querySelector<HTMLElement>('[tabindex="-1"]') ??
        element);
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    target.focus({ preventScroll: true });
    return true;
  }
  return false;
}
