/** The routes a running app registered, read from Fastify's `printRoutes` (for the generated tests over every route). */

export interface Route {
  method: 'GET' | 'POST';
  path: string;
}

/**
 * Reads the routes from `app.printRoutes({ commonPrefix: false })`: a radix tree where each line's segment continues
 * its parent's path. HEAD (Fastify's twin of each GET) is left out; wildcards (`/api/docs/*`) are kept.
 */
export function registeredRoutes(tree: string): Route[] {
  const routes: Route[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([\s│]*)[└├]── (.*?) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (stack[depth - 1] ?? '') + match[2];
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of match[3]!.split(', ')) if (method === 'GET' || method === 'POST') routes.push({ method, path });
  }
  return routes;
}
