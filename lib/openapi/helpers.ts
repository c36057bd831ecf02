// Small builders for the OpenAPI document.
import { z } from "zod";
import { responseSchemas } from "@/lib/validations/responses";

export const schema = (zodSchema: z.ZodType) => z.toJSONSchema(zodSchema, { io: "input", unrepresentable: "any" });

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const jsonBody = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } });
export const jsonResponse = (description: string, name: string) => ({
  description,
  content: { "application/json": { schema: ref(name) } },
});
export const listOf = (name: string) => ({
  type: "object",
  required: ["items", "nextCursor"],
  properties: { items: { type: "array", items: ref(name) }, nextCursor: { type: ["string", "null"] } },
});
export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }]));

export const pathId = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
export const pageParams = [
  { name: "cursor", in: "query", required: false, schema: { type: "string" } },
  { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
];

// `components.schemas` for every response shape (lib/validations/responses), generated
// from the zod schemas; shapes refer to each other by component name.
export function responseComponents(): Record<string, object> {
  const { schemas } = z.toJSONSchema(responseSchemas, {
    io: "output",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, generated]) => {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped: a component is not a document
      const { $schema, $id, ...component } = generated as Record<string, unknown>;
      return [name, component];
    }),
  );
}
