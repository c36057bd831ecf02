import { z } from "zod";
import { emailSchema, labelSchema } from "./common";

export const signUpSchema = z.object({
  email: emailSchema,
  name: labelSchema(1, 120, "Enter your name."),
  password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const createTokenSchema = z.object({
  name: labelSchema(1, 80, "Name the token."),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: signUpSchema.shape.password,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
