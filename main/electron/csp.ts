/**
 * The renderer's Content Security Policy, sent as a header by the app:// protocol. The meta
 * tag in renderer/index.html carries the same policy less frame-ancestors (a test keeps them
 * equal). The one style hash admits react-aria's injected touch-action rule.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='",
  "img-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
