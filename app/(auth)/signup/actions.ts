"use server";
import { headers } from "next/headers";
import { signIn } from "@/lib/auth/sign-in";
import { chargeSignUp } from "@/lib/auth/sign-up-limit";
import { clientAddress } from "@/lib/client-address";
import { createWorkspace, EmailTakenError } from "@/lib/workspaces/create-workspace";
import { workspaceSignupSchema } from "@/lib/workspaces/schemas";

export type SignUpState = {
  error?: string;
  fieldErrors?: Partial<Record<"name" | "email" | "password", string>>;
  values?: { name: string; email: string };
  /** The new workspace's secret keys: in this response only, never shown again. */
  created?: { workspaceName: string; testSecretKey: string; liveSecretKey: string };
};

// Form action of /signup: a user, a workspace and its first pair of keys, then a session.
export async function signUpAction(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const raw = {
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    password: String(formData.get("password") ?? ""),
  };
  const values = { name: raw.name, email: raw.email };
  const parsed = workspaceSignupSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: SignUpState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as "name" | "email" | "password";
      fieldErrors[field] ??= `${fieldLabels[field]} ${issue.message}.`;
    }
    return { error: "Check the highlighted fields.", fieldErrors, values };
  }
  const requestHeaders = await headers();
  const client = clientAddress(requestHeaders);
  const charged = await chargeSignUp(client);
  if (!charged.ok) {
    const minutes = Math.ceil(charged.retryAfterSeconds / 60);
    return {
      error: `Too many sign-ups from this network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      values,
    };
  }
  let created;
  try {
    created = await createWorkspace(parsed.data);
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    return {
      error: "An account with this email already exists. Sign in instead.",
      fieldErrors: { email: "This email already has an account." },
      values,
    };
  }
  await signIn({
    email: parsed.data.email,
    password: parsed.data.password,
    client,
    headers: requestHeaders,
  });
  return {
    created: {
      workspaceName: parsed.data.name,
      testSecretKey: created.testSecretKey,
      liveSecretKey: created.liveSecretKey,
    },
  };
}

const fieldLabels = { name: "Workspace name", email: "Email", password: "Password" };
