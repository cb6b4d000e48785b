import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Copies a value to the clipboard. Where the clipboard is refused, the value is selected instead
 * so the person can copy it with the keyboard.
 */
export function CopyButton({
  value,
  label,
  target,
}: {
  value: string;
  label: string;
  target: () => HTMLElement | null;
}) {
  const { t } = useTranslation();
  const [result, setResult] = useState<'copied' | 'select' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setResult('copied');
    } catch {
      const element = target();
      const selection = window.getSelection();
      if (element && selection) selection.selectAllChildren(element);
      setResult('select');
    }
  }

  return (
    <>
      <button type="button" className="button small" aria-label={label} onClick={() => void copy()}>
        {t('recordings.copy')}
      </button>
      <span className="copy-result" role="status">
        {result === 'copied'
          ? t('recordings.copied')
          : result === 'select'
            ? t('recordings.copyManually')
            : ''}
      </span>
    </>
  );
}
