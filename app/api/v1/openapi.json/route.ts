import { allEndpoints } from "@/server/rest/endpoints";
import { buildOpenApiDocument } from "@/server/rest/openapi";

export function GET() {
  return Response.json(buildOpenApiDocument(allEndpoints));
}
