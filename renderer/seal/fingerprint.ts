/**
 * A key fingerprint (64 hex digits) in groups of four, as main writes it in keys.info and as a
 * clerk reads it aloud to compare with the fingerprint printed on the registry's export.
 */
export function groupHex(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}
