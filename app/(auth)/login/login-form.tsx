"use client";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/(auth)/login/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { primaryButton } from "@/components/ui/styles";

export function LoginForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="space-y-4">
      {state.error && <Alert tone="error">{state.error}</Alert>}
      {next && <input type="hidden" name="next" value={next} />}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.email}
      />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" className={`${primaryButton} w-full`} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
