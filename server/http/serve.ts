import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { bootApp } from "@/server/boot";
import { DomainError } from "@/server/domain/errors";
import { allEndpoints } from "@/server/rest/endpoints";
import { restResponseBody, type RestRequest } from "@/server/rest/endpoint";
import { errorResult, type RestResult } from "@/server/rest/envelope";
import { restRouter, type RestRoute } from "./rest-routes";

export interface ServeOptions {
  port: number;
  hostname?: string;
}

/** Larger REST bodies are refused: no endpoint takes more than a few kilobytes. */
const maxBodyBytes = 1024 * 1024;

/**
 * The app's HTTP server: Next.js serves the pages, tRPC and every other route of the production
 * build; the REST API's endpoints (/api/v1, the same handlers as their route files) are answered
 * here directly. Through Next's request pipeline a REST call cost 1.4 ms of server CPU before its
 * handler ran (an unauthenticated 401, measured with 32 clients), three times the handler's own
 * work on a redemption: that pipeline, not the database, bounded the API's throughput. The
 * endpoints are answered without a web Request and Response around them too: building those
 * (headers, body streams) was 0.26 of the server's 0.64 ms per redemption.
 */
export async function serve({ port, hostname }: ServeOptions): Promise<void> {
  const app = next({ dev: false, port, hostname });
  const handleWithNext = app.getRequestHandler();
  await app.prepare();
  await bootApp();
  const findRoute = restRouter(allEndpoints);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    const route = findRoute(req.method ?? "GET", url.pathname);
    if (!route) return void handleWithNext(req, res);
    answerRest(route, url, req, res).catch((error: unknown) => send(res, errorResult(error)));
  });
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  console.info(`Tessera listening on http://${hostname ?? "localhost"}:${port}`);
}

async function answerRest({ endpoint, params }: RestRoute, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readBody(req);
  if (body === null) {
    return send(res, { ...errorResult(new DomainError("VALIDATION_FAILED", "The request body is too large.")), status: 413 });
  }
  // Decoded as a web Request's text() decodes it: UTF-8, a leading byte-order mark dropped.
  const bodyText = body ? new TextDecoder().decode(body) : "";
  send(res, await endpoint.answer({ url, headers: headersOf(req.headers), bodyText, params }));
}

/** A result in JSON, as the route handlers answer it. */
function send(res: ServerResponse, result: RestResult): void {
  if (res.headersSent) return void res.end();
  res.writeHead(result.status, { "content-type": "application/json" }).end(restResponseBody(result) ?? undefined);
}

/** The whole body, or null past the limit. */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Header lookup as a web Headers answers it: names whatever their case, repeated values joined. */
function headersOf(incoming: IncomingHttpHeaders): RestRequest["headers"] {
  return {
    get(name) {
      const value = incoming[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}
