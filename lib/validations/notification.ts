import { z } from "zod";
import { FOLLOW_TARGET_TYPES } from "@/lib/notifications/kinds";
import { idSchema, paginationSchema } from "./common";

export const listNotificationsSchema = paginationSchema.extend({
  unread: z
    .enum(["true", "false"], { error: "unread is true or false." })
    .optional()
    .transform((value) => value === "true"),
});
export type ListNotificationsInput = z.infer<typeof listNotificationsSchema>;

export const markNotificationsReadSchema = z.object({
  // Omitted: all of mine.
  ids: z.array(idSchema).max(500, "At most 500 ids at once.").optional(),
});
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadSchema>;

export const followSchema = z.object({
  targetType: z.enum(FOLLOW_TARGET_TYPES, { error: `targetType is one of ${FOLLOW_TARGET_TYPES.join(", ")}.` }),
  targetId: idSchema,
});
export type FollowInput = z.infer<typeof followSchema>;
