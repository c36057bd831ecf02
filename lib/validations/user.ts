import { z } from "zod";
import { emailSchema } from "./common";

export const signUpSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter your name.").max(120),
  password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token.").max(80),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: signUpSchema.shape.password,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
