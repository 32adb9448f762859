import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The query schema of a cached route that validates its query in its handler (pages do, for messages in the page's
     * language): the response cache keys on the values it parses. A route with a zod `schema.querystring` need not
     * repeat it; a cached route with neither reads no query parameter, and every one is ignored.
     */
    cacheQuery?: z.ZodType;
  }
}

/**
 * The URL a route's response is cached under, a function of what the route validates and nothing else: the route's
 * path with its decoded parameters (`%61`, `a` and a trailing slash are one path), then the query parameters its
 * schema knows, as it parses them, in order of name, those equal to their default left out. So `?cb=1`, `?cb=2`,
 * `?page=1` and no query are one entry, while `?country=FRA` and `?country=DEU` are two. Undefined when the query does
 * not validate: the route refuses it, and nothing is cached for it.
 *
 * Runs on every cache hit: a path without a query costs a map lookup or two; a query string is parsed once per route
 * and distinct string (a zod parse takes 5–30 µs, as long as the rest of a hit), then remembered.
 */
export function canonicalUrl(request: FastifyRequest): string | undefined {
  const route = request.routeOptions;
  if (route.url === undefined) return undefined; // no route: the not-found handler answers
  const path = pathOf(route.url, request.params as Record<string, unknown> | null);
  const queryStart = request.url.indexOf('?');
  if (queryStart === -1) return path;
  const schema = route.config.cacheQuery ?? zodSchema(route.schema?.querystring);
  if (!schema) return path;
  const query = request.url.slice(queryStart + 1);
  const memoKey = `${route.url}?${query}`;
  let search = searches.get(memoKey);
  if (search === undefined) {
    const parsed = schema.safeParse(request.query);
    search = parsed.success ? canonicalSearch(parsed.data as Record<string, unknown>, defaultsOf(schema)) : null;
    if (query.length <= maxRememberedQuery) {
      if (searches.size >= maxRememberedSearches) searches.delete(searches.keys().next().value as string);
      searches.set(memoKey, search);
    }
  }
  if (search === null) return undefined;
  return search ? `${path}?${search}` : path;
}

/**
 * Canonical query strings by route pattern and query string as sent (null: it does not validate). Bounded by count and
 * by the length of what it keeps (at most a few megabytes), the oldest forgotten first: a client sending ever new
 * junk only makes the server parse again.
 */
const searches = new Map<string, string | null>();
const maxRememberedSearches = 4096;
const maxRememberedQuery = 512;

/** `/en/supporters/:slug` with its parameters put back, each encoded one way. */
function pathOf(pattern: string, params: Record<string, unknown> | null): string {
  if (!pattern.includes(':') && !pattern.includes('*')) return pattern;
  let parts = patterns.get(pattern);
  if (!parts) {
    parts = pattern.split(/:(\w+)(?:\([^)]*\))?|(\*)/);
    patterns.set(pattern, parts);
  }
  // Split with its two capture groups: literal, name, star, literal, name, star, … (a group that did not match is undefined).
  let path = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 3) path += encodeURIComponent(String(params?.[parts[i] ?? parts[i + 1] ?? ''] ?? '')) + (parts[i + 2] ?? '');
  return path;
}

/** Each route pattern split once into literals and parameter names: the split runs on every hit otherwise. */
const patterns = new Map<string, Array<string | undefined>>();

function zodSchema(schema: unknown): z.ZodType | undefined {
  return typeof (schema as z.ZodType | undefined)?.safeParse === 'function' ? (schema as z.ZodType) : undefined;
}

/** What each schema gives for an empty query, computed once per schema. */
const defaults = new WeakMap<z.ZodType, Record<string, unknown>>();
function defaultsOf(schema: z.ZodType): Record<string, unknown> {
  let values = defaults.get(schema);
  if (!values) {
    const parsed = schema.safeParse({});
    values = parsed.success ? (parsed.data as Record<string, unknown>) : {};
    defaults.set(schema, values);
  }
  return values;
}

/** The parsed values as a query string: names in order, a list as repeated names, defaults and empty values left out. */
function canonicalSearch(values: Record<string, unknown>, defaultValues: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const name of Object.keys(values).sort()) {
    const items = textsOf(values[name]);
    const fallback = textsOf(defaultValues[name]);
    if (items.length === fallback.length && items.every((item, i) => item === fallback[i])) continue;
    for (const item of items) search.append(name, item);
  }
  return search.toString();
}

function textsOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((item) =>
    item instanceof Date ? item.toISOString() : typeof item === 'object' ? JSON.stringify(item) : String(item),
  );
}
