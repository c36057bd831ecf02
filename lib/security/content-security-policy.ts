// The pages' Content-Security-Policy: scripts run only with this response's nonce (Next
// puts it on its own bootstrap and chunk scripts) or when loaded by such a script
// ('strict-dynamic'); no inline script from anywhere else, no plugins, no framing.
export function contentSecurityPolicy(nonce: string, isDevelopment = process.env.NODE_ENV !== "production"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    // Style attributes (highlight colors, graph legends) need 'unsafe-inline'; styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The PDF viewer's worker (pdf.js), a script of our own origin ('strict-dynamic' does not cover workers).
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
