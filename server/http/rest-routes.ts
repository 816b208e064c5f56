import type { Endpoint } from "@/server/rest/endpoint";

export interface RestRoute {
  endpoint: Endpoint;
  params: Record<string, string>;
}

interface CompiledRoute {
  method: string;
  pattern: RegExp;
  names: string[];
  /** Path segments that are not parameters: a literal segment wins over a parameter, as in Next. */
  literals: number;
  endpoint: Endpoint;
}

/**
 * The REST endpoint a request names, by method and path under /api/v1 (the OpenAPI paths of the
 * definitions, `{param}` matching one segment), with its path parameters; null for any other
 * request.
 */
export function restRouter(endpoints: readonly Endpoint[]): (method: string, pathname: string) => RestRoute | null {
  const routes: CompiledRoute[] = endpoints
    .map((endpoint) => {
      const names: string[] = [];
      const segments = endpoint.definition.path.split("/").filter(Boolean);
      const source = segments
        .map((segment) => {
          const param = /^\{(\w+)\}$/.exec(segment);
          if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(param[1]!);
          return "([^/]+)";
        })
        .join("/");
      return {
        method: endpoint.definition.method.toUpperCase(),
        pattern: new RegExp(`^/api/v1/${source}/?$`),
        names,
        literals: segments.length - names.length,
        endpoint,
      };
    })
    .sort((a, b) => b.literals - a.literals);
  return (method, pathname) => {
    for (const route of routes) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      try {
        const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
        return { endpoint: route.endpoint, params };
      } catch {
        return null; // A malformed escape: Next answers it.
      }
    }
    return null;
  };
}
