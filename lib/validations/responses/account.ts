// Response shapes: the caller, tokens, workspaces and members.
import { z } from "zod";
import { dateTime, described, integer, named, nullableDateTime } from "./common";

const ROLES = ["owner", "moderator", "researcher", "viewer"] as const;

export const User = named("User", z.object({ id: z.string(), email: z.email(), name: z.string() }));

export const Token = named(
  "Token",
  z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: dateTime, lastUsedAt: nullableDateTime }),
);

export const NewToken = named(
  "NewToken",
  z.object({
    id: z.string(),
    name: z.string(),
    token: described(z.string(), "Shown once; store it safely."),
    prefix: z.string(),
    createdAt: dateTime,
  }),
);

export const Workspace = named(
  "Workspace",
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    visibility: z.enum(["private", "public"]),
    preModeration: z.boolean(),
    role: z.enum(ROLES).nullable(),
    abilities: z.record(z.string(), z.boolean()),
    memberCount: integer.optional(),
    documentCount: integer.optional(),
    createdAt: dateTime,
    updatedAt: dateTime,
  }),
);

// Open: membership is gaining invitations with consent.
export const Member = named(
  "Member",
  z.looseObject({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    joinedAt: dateTime,
  }),
);
