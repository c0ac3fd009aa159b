/**
 * `Content-Disposition: attachment` for a file name (RFC 6266): an ASCII `filename` fallback for old
 * clients plus the exact UTF-8 name in `filename*` (RFC 8187). The name was sanitised when stored (no
 * quotes, backslashes or control characters); this escapes again anyway.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
