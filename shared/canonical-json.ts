import canonicalize from 'canonicalize';

/** RFC 8785 (JSON Canonicalization Scheme): the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('This value has no JSON form.');
  return text;
}
