/** A JSON-schema-ish node of the OpenAPI document, as much as the reference page shows. */
export interface SchemaNode {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  $ref?: string;
}

function typeLabel(node: SchemaNode): string {
  if (node.$ref) return node.$ref.split("/").at(-1) ?? "object";
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = node.anyOf ?? node.oneOf;
  if (variants) return variants.map(typeLabel).join(" | ");
  if (node.allOf) return node.allOf.map(typeLabel).join(" & ");
  if (node.type === "array") return `${node.items ? typeLabel(node.items) : "any"}[]`;
  const base = node.format ? `${node.type ?? "any"} (${node.format})` : (node.type ?? "any");
  return node.nullable ? `${base} | null` : base;
}

function constraints(node: SchemaNode): string {
  const parts: string[] = [];
  if (node.minimum !== undefined) parts.push(`≥ ${node.minimum}`);
  if (node.maximum !== undefined) parts.push(`≤ ${node.maximum}`);
  if (node.minLength !== undefined) parts.push(`min length ${node.minLength}`);
  if (node.maxLength !== undefined) parts.push(`max length ${node.maxLength}`);
  if (node.default !== undefined) parts.push(`default ${JSON.stringify(node.default)}`);
  return parts.join(", ");
}

/** The fields of an object schema as a nested table; other schemas as their type. */
export function SchemaView({ node, depth = 0 }: { node: SchemaNode; depth?: number }) {
  const object = node.type === "array" && node.items?.properties ? node.items : node;
  if (!object.properties || depth > 4) return <code className="text-xs">{typeLabel(node)}</code>;
  const required = new Set(object.required ?? []);
  return (
    <table className="w-full text-left text-xs">
      <tbody className="divide-y divide-slate-100">
        {Object.entries(object.properties).map(([name, child]) => (
          <tr key={name} className="align-top">
            <td className="py-1 pr-3 font-mono whitespace-nowrap">
              {name}
              {required.has(name) ? <span className="text-red-600">*</span> : null}
            </td>
            <td className="py-1 pr-3">
              {child.properties || child.items?.properties ? <SchemaView node={child} depth={depth + 1} /> : <code>{typeLabel(child)}</code>}
            </td>
            <td className="py-1 text-slate-500">{[child.description, constraints(child)].filter(Boolean).join(" · ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
