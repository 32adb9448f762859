import helmet, { type HelmetOptions } from 'helmet';

/** The platform's helmet configuration: registered as the Fastify plugin, and read for `securityHeadersOf`. */
export function helmetOptions(publicUrl: string): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Embeds set their own frame policy; everything else may not be framed.
    frameguard: false,
    strictTransportSecurity: publicUrl.startsWith('https:'),
  };
}

/**
 * The headers helmet sets with `options` (CSP, nosniff, referrer policy…), computed once. For answers that do not
 * pass helmet's hook: errors raised before it (the API's rate limit in the first hook, an undecodable path) and the
 * raw answers written on the socket when Node's HTTP parser refuses a request (431, 414, 400). helmet's headers do
 * not depend on the request (no nonces here), so one recording serves every answer.
 */
export function securityHeadersOf(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as never, recorder as never, () => {});
  return Object.freeze(headers);
}
