"use client";
import Link from "next/link";
import { useActionState } from "react";
import { createCustomerAction, type NewCustomerState } from "@/app/dashboard/customers/new/actions";
import { FormErrorAlert } from "@/components/customers/form-error-alert";
import { Field } from "@/components/ui/field";
import { primaryButton, secondaryButton } from "@/components/ui/styles";

const fields = [
  { name: "name", label: "Name", autoComplete: "name" },
  { name: "email", label: "Email", type: "email", autoComplete: "email" },
  { name: "phone", label: "Phone", type: "tel", autoComplete: "tel", hint: "E.164, e.g. +6281234567890" },
  {
    name: "externalId",
    label: "External ID",
    hint: "Your own ID for this customer, unique in this workspace.",
  },
  { name: "taxId", label: "Tax ID" },
] as const;

export function NewCustomerForm() {
  const [state, action, pending] = useActionState<NewCustomerState, FormData>(createCustomerAction, {
    status: "idle",
  });
  const error = state.status === "error" ? state : undefined;
  return (
    <form action={action} className="max-w-lg space-y-4" noValidate>
      {error && <FormErrorAlert error={error} />}
      {fields.map((field) => (
        <Field
          key={field.name}
          {...field}
          defaultValue={error?.values[field.name]}
          error={error?.field === field.name ? error.message : undefined}
        />
      ))}
      <p className="text-sm text-slate-600">Every field is optional. Metadata can be added with the API.</p>
      <div className="flex gap-2">
        <button type="submit" className={primaryButton} disabled={pending}>
          {pending ? "Creating…" : "Create customer"}
        </button>
        <Link href="/dashboard/customers" className={secondaryButton}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
