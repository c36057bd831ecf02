// Building blocks of the API's response shapes. Every named response shape is a zod
// schema registered here with its OpenAPI name; lib/openapi turns the registry into
// `components.schemas` with `z.toJSONSchema`, and integration tests validate responses
// against the result. Objects are strict (no undocumented fields) unless marked open.
import { z } from "zod";
import { provenanceSchema } from "@/lib/exports/provenance";

export const responseSchemas = z.registry<{ id: string; description?: string }>();

// Registers a response shape under its OpenAPI component name.
export function named<Schema extends z.ZodType>(id: string, schema: Schema, description?: string): Schema {
  responseSchemas.add(schema, description ? { id, description } : { id });
  return schema;
}

export const dateTime = z.string().meta({ format: "date-time" });
export const nullableDateTime = dateTime.nullable();
export const integer = z.number().int();
export const described = <Schema extends z.ZodType>(schema: Schema, description: string) =>
  schema.meta({ description });

export const ITEM_STATUSES = ["visible", "hidden", "pending"] as const;
export const itemStatus = z.enum(ITEM_STATUSES);

export const Provenance = named(
  "Provenance",
  described(
    provenanceSchema,
    "Where an imported item came from, quoted: the original author and date as the file stated them, and the file. The item's author is whoever imported it.",
  ),
);
const importedFromField = described(
  Provenance.nullable(),
  "Set on items imported from a file (JSON import), else null",
);
export const provenanceFields = { importedFrom: importedFromField };

export const UserRef = named("UserRef", z.object({ id: z.string(), name: z.string() }));
export const WorkspaceRef = named("WorkspaceRef", z.object({ id: z.string(), name: z.string() }));

export const ErrorBody = named(
  "Error",
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
      existingId: z
        .string()
        .optional()
        .meta({ description: "With code `duplicate`: the document that already holds this text" }),
    }),
  }),
);
