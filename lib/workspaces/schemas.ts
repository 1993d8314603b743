import { z } from "zod";

export const workspaceSignupSchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  email: z
    .string()
    .trim()
    .max(254, "must be at most 254 characters")
    .pipe(z.email({ message: "must be a valid email address" })),
  password: z.string().min(8, "must be at least 8 characters").max(128, "must be at most 128 characters"),
});

export type WorkspaceSignup = z.infer<typeof workspaceSignupSchema>;
