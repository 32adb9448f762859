/**
 * Links that are credentials (sign-in, confirmation and invitation tokens in the query; a saved self-assessment's
 * private link in the path) must never reach a log line, whatever logs the request (an error, debug request logging).
 */
const secretQuery = /([?&](?:token|code)=)[^&#]*/gi;
const secretPath = /(\/toolkit\/assessment\/s\/)[^/?#]+/g;

export function redactUrl(url: string): string {
  return url.replace(secretQuery, '$1…').replace(secretPath, '$1…');
}

/** Fastify's request serializer with the URL redacted. */
export function requestLogLine(request: { method: string; url: string; hostname?: string; ip?: string }) {
  return { method: request.method, url: redactUrl(request.url), host: request.hostname, remoteAddress: request.ip };
}
