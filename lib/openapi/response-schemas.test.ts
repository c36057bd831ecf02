import { describe, expect, it } from "vitest";
import { responseSchemaErrors } from "@/tests/support/response-schemas";
import { buildOpenApiDocument } from "./document";

const tag = { items: ["alliance"], nextCursor: null };

describe("response schemas generated from zod", () => {
  it("are components of the OpenAPI document, referring to each other by name", () => {
    const schemas = buildOpenApiDocument("http://localhost").components.schemas as Record<
      string,
      Record<string, unknown>
    >;
    expect(schemas.Annotation).toMatchObject({ type: "object", additionalProperties: false });
    expect(JSON.stringify(schemas.ReplyNode)).toContain('"$ref":"#/components/schemas/ReplyNode"');
    expect(JSON.stringify(schemas.Link)).toContain('"$ref":"#/components/schemas/UserRef"');
  });

  it("accept what the API documents and refuse anything else", () => {
    expect(responseSchemaErrors("/api/v1/workspaces/{id}/tags", "GET", 200, tag)).toEqual([]);
    expect(responseSchemaErrors("/api/v1/workspaces/{id}/tags", "GET", 200, { ...tag, extra: 1 })).not.toEqual([]);
    expect(
      responseSchemaErrors("/api/v1/workspaces/{id}/tags", "GET", 200, { items: [1], nextCursor: null }),
    ).not.toEqual([]);
    expect(responseSchemaErrors("/api/v1/me", "GET", 200, { id: "u1", email: "a@b.example", name: "A" })).toEqual([]);
    expect(responseSchemaErrors("/api/v1/me", "GET", 200, { id: "u1", name: "A" })).not.toEqual([]);
  });
});
