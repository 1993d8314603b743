"use client";
import Link from "next/link";
import { useActionState } from "react";
import { signUpAction, type SignUpState } from "@/app/(auth)/signup/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { primaryButton } from "@/components/ui/styles";
import { PASSWORD_MIN_LENGTH } from "@/lib/workspaces/schemas";

export function SignupForm() {
  const [state, action, pending] = useActionState<SignUpState, FormData>(signUpAction, {});
  if (state.created) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Your workspace “{state.created.workspaceName}” is ready</h1>
        <Alert tone="info">
          These are your secret keys. Copy them now: this is the only time they are shown. You can make new
          ones on the Developers page.
        </Alert>
        <SecretReveal label="Test secret key" secret={state.created.testSecretKey} />
        <SecretReveal label="Live secret key" secret={state.created.liveSecretKey} />
        <Link href="/dashboard/customers" className={`${primaryButton} w-full`}>
          Continue to the dashboard
        </Link>
      </div>
    );
  }
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">Create your Plugipay workspace</h1>
      <form action={action} className="space-y-4" noValidate>
        {state.error && <Alert tone="error">{state.error}</Alert>}
        <Field
          label="Workspace name"
          name="name"
          autoComplete="organization"
          required
          defaultValue={state.values?.name}
          error={state.fieldErrors?.name}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values?.email}
          error={state.fieldErrors?.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          error={state.fieldErrors?.password}
        />
        <button type="submit" className={`${primaryButton} w-full`} disabled={pending}>
          {pending ? "Creating…" : "Create workspace"}
        </button>
      </form>
    </>
  );
}
