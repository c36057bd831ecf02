import { z } from "zod";

// Plain-language messages for the commonest failures, everywhere zod is used.
z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type" && issue.input === undefined) return "Required.";
    if (issue.code === "invalid_type")
      return `Expected ${issue.expected}, got ${issue.input === null ? "null" : typeof issue.input}.`;
    return undefined;
  },
});

export const idSchema = z.string().trim().min(1).max(64);

export const paginationSchema = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type Pagination = z.infer<typeof paginationSchema>;

// Bidirectional controls (U+202A–202E, U+2066–2069) make a name or title read in an order
// other than the one it is stored in ("‮txt.exe" shows as "exe.txt"): never part of a label.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
export const withoutBidiControls = (value: string) => value.replace(BIDI_CONTROLS, "");

// A one-line label people read — a name or a title: trimmed, bidi controls removed.
export const labelSchema = (min: number, max: number, message?: string) =>
  z
    .string()
    .transform((value) => withoutBidiControls(value).trim())
    .pipe(z.string().min(min, message).max(max));

export const roleSchema = z.enum(["owner", "moderator", "researcher", "viewer"]);
export type WorkspaceRole = z.infer<typeof roleSchema>;

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address." }))
  .transform((email) => email.toLowerCase());
