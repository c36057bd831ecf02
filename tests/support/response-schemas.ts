// Responses checked against the OpenAPI document's response schemas, which are generated
// from the zod response shapes (lib/validations/responses): what the API documents is
// what it answers.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { buildOpenApiDocument } from "@/lib/openapi/document";

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: object }> }> };
const document = buildOpenApiDocument("http://localhost") as unknown as {
  paths: Record<string, Record<string, Operation>>;
};
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addSchema({ ...document, $id: "openapi" });

const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

// Why a JSON response does not match its documented schema (none: it matches, or the
// operation documents no JSON body for this status).
export function responseSchemaErrors(route: string, method: string, status: number, body: unknown): string[] {
  const operation = document.paths[route]?.[method.toLowerCase()];
  if (!operation) return [`${method} ${route} is not documented`];
  if (!operation.responses?.[String(status)]?.content?.["application/json"]?.schema) return [];
  const validate = ajv.getSchema(
    `openapi#/${pointer("paths", route, method.toLowerCase(), "responses", String(status), "content", "application/json", "schema")}`,
  )!;
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${method} ${route} ${status}: ${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`,
  );
}

// Every schema mismatch seen by `checkResponse`, for a test to assert on at its end.
export const schemaViolations: string[] = [];

export function checkResponse(
  route: string,
  method: string,
  response: { status: number; body: unknown; headers: Headers },
) {
  if (!response.headers.get("content-type")?.includes("application/json")) return;
  schemaViolations.push(...responseSchemaErrors(route, method, response.status, response.body));
}
