import type { TFunction } from 'i18next';
import { ApiError } from '../../shared/api/errors';
import { CodingError, codingErrorCodes, type CodingErrorCode } from '../../shared/coding/annotations';
import { entryOf, tierOf, type CodingScheme, type Localized } from '../../shared/coding/scheme';
import { errorMessage } from '../api/error-message';
import { localeOf } from '../i18n/locale';

/** A scheme's label in the reader's language (every scheme label exists in all four). */
export function inLanguage(label: Localized, language: string | undefined): string {
  return label[localeOf(language) ?? 'en'];
}

/** The label of an annotation's code, or its tier's label for a free-text note. */
export function codeLabel(scheme: CodingScheme, tierId: string, code: string | null, language: string | undefined): string {
  const tier = tierOf(scheme, tierId);
  if (!tier) return code ?? tierId;
  const entry = code === null ? undefined : entryOf(tier, code);
  if (entry) return inLanguage(entry.label, language);
  return code ?? inLanguage(tier.label, language);
}

const isCodingErrorCode = (reason: unknown): reason is CodingErrorCode =>
  (codingErrorCodes as readonly unknown[]).includes(reason);

/**
 * Why a coding action was refused, in the reader's language: by the page's own check (a
 * CodingError) or by main's (`details.reason`, e.g. not_author when the annotation is another
 * coder's), else the API's general message.
 */
export function codingErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof CodingError) return t(`review.codingErrors.${error.code}`);
  if (error instanceof ApiError) {
    const reason = error.details?.reason;
    if (isCodingErrorCode(reason)) return t(`review.codingErrors.${reason}`);
    if (reason === 'not_recording') return t('review.live.notRecording');
    if (reason === 'sealed') return t('review.codingErrors.sealed');
    if (reason === 'sealed_annotation') return t('review.codingErrors.sealed_annotation');
  }
  return errorMessage(t, error);
}
