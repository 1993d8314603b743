"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth/sign-in";
import { clientAddress } from "@/lib/client-address";
import { safeNextPath } from "@/lib/dashboard/safe-next-path";

export type SignInState = { error?: string; email?: string };

const signInForm = z.object({
  email: z.string().trim().max(254).catch(""),
  password: z.string().max(1024).catch(""),
  next: z.string().optional().catch(undefined),
});

// Form action of /login: on success, back to the page that asked for sign-in.
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const form = signInForm.parse(Object.fromEntries(formData));
  if (!form.email || !form.password) return { error: "Enter your email and password.", email: form.email };
  const requestHeaders = await headers();
  const result = await signIn({
    email: form.email,
    password: form.password,
    client: clientAddress(requestHeaders),
    headers: requestHeaders,
  });
  if (!result.ok && result.reason === "rate_limited") {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return {
      error: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      email: form.email,
    };
  }
  if (!result.ok) return { error: "Wrong email or password.", email: form.email };
  redirect(safeNextPath(form.next));
}
