import { SchemaView, type SchemaNode } from "@/components/api-docs/schema-view";
import { Badge } from "@/components/ui/badge";
import { allEndpoints } from "@/server/rest/endpoints";
import { buildOpenApiDocument } from "@/server/rest/openapi";

export const metadata = { title: "API reference" };

type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: SchemaNode }[];
  requestBody?: { content: Record<string, { schema: SchemaNode }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: SchemaNode }> }>;
};

const methodTone = { get: "info", post: "success", patch: "warning", put: "warning", delete: "danger" } as const;

/** A readable reference generated from the same OpenAPI document as /api/v1/openapi.json. */
export default function ApiDocsPage() {
  const doc = buildOpenApiDocument(allEndpoints);
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    (["get", "post", "patch", "put", "delete"] as const)
      .filter((m) => (item as Record<string, unknown>)[m])
      .map((method) => ({ path, method, op: (item as Record<string, Operation>)[method]! })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? "Other"))];
  return (
    <main className="mx-auto max-w-5xl px-6 py-10">
      <h1 className="text-3xl font-semibold text-slate-900">{doc.info.title}</h1>
      <p className="mt-2 max-w-3xl text-sm whitespace-pre-line text-slate-600">{doc.info.description}</p>
      <p className="mt-2 text-sm">
        Machine-readable: <a className="text-indigo-700 underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a>
      </p>
      <nav aria-label="Sections" className="mt-6 flex flex-wrap gap-2">
        {tags.map((tag) => (
          <a key={tag} href={`#${tag}`} className="rounded-full border border-slate-300 px-3 py-1 text-sm hover:bg-white">
            {tag}
          </a>
        ))}
      </nav>
      {operations.length === 0 && <p className="mt-8 text-sm text-slate-600">No endpoints are published yet.</p>}
      {tags.map((tag) => (
        <section key={tag} id={tag} className="mt-10">
          <h2 className="mb-4 text-xl font-semibold text-slate-900">{tag}</h2>
          <div className="space-y-4">
            {operations
              .filter((o) => (o.op.tags?.[0] ?? "Other") === tag)
              .map(({ path, method, op }) => (
                <article key={`${method} ${path}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
                  <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
                    <Badge tone={methodTone[method]}>{method.toUpperCase()}</Badge>
                    {path}
                  </h3>
                  <p className="mt-2 font-medium text-slate-900">{op.summary}</p>
                  {op.description && <p className="mt-1 text-sm whitespace-pre-line text-slate-600">{op.description.replace(/`/g, "")}</p>}
                  {op.parameters && op.parameters.length > 0 && (
                    <div className="mt-3">
                      <h4 className="text-xs font-semibold text-slate-700 uppercase">Parameters</h4>
                      <ul className="mt-1 text-xs">
                        {op.parameters.map((p) => (
                          <li key={`${p.in}-${p.name}`}>
                            <code>{p.name}</code> ({p.in}){p.required ? " required" : ""}
                            {p.schema ? <> — <code>{p.schema.type ?? ""}</code></> : null}
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                  {op.requestBody?.content["application/json"] && (
                    <div className="mt-3">
                      <h4 className="text-xs font-semibold text-slate-700 uppercase">Request body</h4>
                      <SchemaView node={op.requestBody.content["application/json"].schema} />
                    </div>
                  )}
                  {Object.entries(op.responses)
                    .filter(([status]) => status !== "default")
                    .map(([status, response]) => (
                      <div key={status} className="mt-3">
                        <h4 className="text-xs font-semibold text-slate-700 uppercase">Response {status}</h4>
                        {response.content?.["application/json"] ? <SchemaView node={response.content["application/json"].schema} /> : <p className="text-xs">{response.description}</p>}
                      </div>
                    ))}
                </article>
              ))}
          </div>
        </section>
      ))}
    </main>
  );
}
