/** Response headers every bridge HTTP response carries. Pure. */

/**
 * Headers for a response to a request whose Host header was already validated. The CSP allows
 * scripts, styles, workers and connections only from the bridge itself (plus its WebSocket under the
 * same host), forbids framing, plugins, `<base>` and form posts. `unsafe-inline` styles are allowed
 * because Lit's `static styles` fall back to `<style>` elements where adoptedStyleSheets is missing.
 */
export function securityHeaders(validatedHost: string): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ws://${validatedHost}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** Headers for responses to requests whose Host could not be trusted (no host-specific sources). */
export function baselineHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
