/**
 * Host names and origins the bridge answers to. Pure: no I/O.
 *
 * why: DNS rebinding lets a foreign page reach 127.0.0.1 under its own name, so every HTTP request and
 * WebSocket upgrade must carry a Host the bridge recognises, and upgrades an Origin it trusts.
 */

/** Host names that always mean "this machine" (as they appear in a Host header, IPv6 in brackets). */
export const LOOPBACK_NAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/** True for names that can only reach this machine: `localhost`, `127.0.0.0/8`, `::1`. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '[::1]') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m.slice(1).every((part) => Number(part) <= 255);
}

/** True for wildcard binds (`0.0.0.0`, `::`) that accept connections on every interface. */
export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** The host as it appears in a URL or a Host header: IPv6 literals get brackets, names are lower-cased. */
export function urlHost(host: string): string {
  const h = host.toLowerCase();
  if (h.startsWith('[')) return h;
  return h.includes(':') ? `[${h}]` : h;
}

/** The host as `net.Server.listen` wants it: IPv6 literals without brackets. */
export function listenHost(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/**
 * Every Host header value the bridge accepts, lower-case: the loopback names plus the configured host,
 * each with the bound port (and also without it when the port is 80, as browsers omit default ports).
 */
export function allowedHostHeaders(configuredHost: string, port: number): ReadonlySet<string> {
  const names = new Set(LOOPBACK_NAMES);
  if (!isWildcardHost(configuredHost)) names.add(urlHost(configuredHost));
  const out = new Set<string>();
  for (const name of names) {
    out.add(`${name}:${port}`);
    if (port === 80) out.add(name);
  }
  return out;
}

/** The bridge's own origins (`http://<allowed host>`), which may always open the relay socket. */
export function ownOrigins(configuredHost: string, port: number): ReadonlySet<string> {
  const out = new Set<string>();
  for (const h of allowedHostHeaders(configuredHost, port)) out.add(`http://${h}`);
  return out;
}

/** The host a user should open in the browser: the configured one, or 127.0.0.1 for a wildcard bind. */
export function browsableHost(configuredHost: string): string {
  return isWildcardHost(configuredHost) ? '127.0.0.1' : urlHost(configuredHost);
}
