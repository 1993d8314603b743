import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const workspaceSignupSchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  email: z
    .string()
    .trim()
    .max(254, "must be at most 254 characters")
    .pipe(z.email({ message: "must be a valid email address" })),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
});

export type WorkspaceSignup = z.infer<typeof workspaceSignupSchema>;
