import { describe, expect, it } from "vitest";
import { allEndpoints } from "@/server/rest/endpoints";
import { contactEndpoints } from "@/server/rest/endpoints/contacts";
import { activatePassEndpoint, redeemPassEndpoint } from "@/server/rest/endpoints/pass-actions";
import { restRouter } from "./rest-routes";

const route = restRouter(allEndpoints);

describe("the app server's REST routes", () => {
  it("finds every endpoint at its own method and path, with its path parameters", () => {
    for (const endpoint of allEndpoints) {
      const { method, path } = endpoint.definition;
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const concrete = names.reduce((p, name) => p.replace(`{${name}}`, `${name}-value`), path);
      expect(route(method.toUpperCase(), `/api/v1${concrete}`), `${method} ${path}`).toEqual({
        endpoint,
        params: Object.fromEntries(names.map((name) => [name, `${name}-value`])),
      });
    }
  });

  it("prefers a literal segment to a parameter, decodes parameters, and leaves everything else to Next", () => {
    expect(route("POST", "/api/v1/passes/redeem")?.endpoint).toBe(redeemPassEndpoint);
    expect(route("POST", "/api/v1/passes/a%2Fb/activate")).toEqual({ endpoint: activatePassEndpoint, params: { id: "a/b" } });
    expect(route("GET", "/api/v1/contacts/")?.endpoint).toBe(contactEndpoints.find((e) => e.definition.path === "/contacts" && e.definition.method === "get"));
    expect(route("DELETE", "/api/v1/passes/redeem")).toBeNull();
    expect(route("GET", "/api/v1/openapi.json")).toBeNull();
    expect(route("POST", "/api/v1/passes/%E0%A4%A/activate")).toBeNull();
    expect(route("GET", "/contacts")).toBeNull();
  });
});
