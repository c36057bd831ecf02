import { z } from "zod";
import { emailSchema, roleSchema, labelSchema } from "./common";

export const visibilitySchema = z.enum(["private", "public"]);

export const createWorkspaceSchema = z.object({
  name: labelSchema(1, 120, "Name the workspace."),
  visibility: visibilitySchema.default("private"),
  description: z.string().trim().max(2000).optional(),
});
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

export const updateWorkspaceSchema = z
  .object({
    name: labelSchema(1, 120).optional(),
    visibility: visibilitySchema.optional(),
    description: z.string().trim().max(2000).optional(),
    preModeration: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: "Nothing to change." });

export const addMemberSchema = z.object({
  email: emailSchema,
  role: roleSchema,
});

export const updateMemberSchema = z.object({ role: roleSchema });
