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
 * Runs on every cache hit, so it only parses when there is a query string, with the schema the route validates with.
 */
export function canonicalUrl(request: FastifyRequest): string | undefined {
  const route = request.routeOptions;
  if (route.url === undefined) return undefined; // no route: the not-found handler answers
  const path = pathOf(route.url, request.params as Record<string, unknown> | null);
  if (!request.url.includes('?')) return path;
  const schema = route.config.cacheQuery ?? zodSchema(route.schema?.querystring);
  if (!schema) return path;
  const parsed = schema.safeParse(request.query);
  if (!parsed.success) return undefined;
  const search = canonicalSearch(parsed.data as Record<string, unknown>, defaultsOf(schema));
  return search ? `${path}?${search}` : path;
}

/** `/en/supporters/:slug` with its parameters put back, each encoded one way. */
function pathOf(pattern: string, params: Record<string, unknown> | null): string {
  if (!pattern.includes(':') && !pattern.includes('*')) return pattern;
  return pattern.replace(/:(\w+)(\([^)]*\))?|\*/g, (_whole, name: string | undefined) => encodeURIComponent(String(params?.[name ?? '*'] ?? '')));
}

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
