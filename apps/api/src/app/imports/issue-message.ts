import {
  formatError,
  formatWarning,
  isErrorCode,
  isFieldKey,
  type FieldKey,
  type UiLanguage,
  type WarningCode,
} from '@passerelle/domain-client';

/** A stored finding's message in the reader's language (« ICE — le numéro est invalide (clé de contrôle) »). */
export function issueMessage(
  code: string,
  field: string,
  hint: string | null,
  severity: string,
  lang: UiLanguage,
): string {
  const key = isFieldKey(field) ? (field as FieldKey) : undefined;
  if (severity === 'warning') return formatWarning(code as WarningCode, lang, key, hint ?? undefined);
  if (isErrorCode(code)) return formatError(code, lang, key, hint ?? undefined);
  return code;
}
