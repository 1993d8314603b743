"use client";
// The customer's details with inline editing: shown as a list, edited in place with the API's
// validation (the action calls updateCustomer), and a 409 on externalId links the customer holding it.
import Link from "next/link";
import { useActionState, useState } from "react";
import type { CustomerEditState } from "@/app/dashboard/customers/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { primaryButton, secondaryButton, textLink } from "@/components/ui/styles";

type EditableField = "name" | "email" | "phone" | "taxId" | "externalId";
type Details = { id: string } & Record<EditableField, string | null>;

const FIELDS: { name: EditableField; label: string; type?: string; autoComplete?: string; hint?: string }[] =
  [
    { name: "name", label: "Name", autoComplete: "off" },
    { name: "email", label: "Email", type: "email", autoComplete: "off" },
    { name: "phone", label: "Phone", type: "tel", autoComplete: "off", hint: "Digits, spaces and + - ( )" },
    { name: "externalId", label: "External ID", hint: "Your own ID for this customer, unique in this mode." },
    { name: "taxId", label: "Tax ID" },
  ];

export function CustomerDetails({
  customer,
  personalDataErased,
  action,
}: {
  customer: Details;
  /** An erased customer's personal fields stay empty: only the external ID can be edited. */
  personalDataErased: boolean;
  action: (state: CustomerEditState, formData: FormData) => Promise<CustomerEditState>;
}) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" });
  // Editing since the answer that was current when Edit was pressed: a new success closes the
  // form, an error keeps it open. (Derived, so no effect has to sync it.)
  const [openedAt, setOpenedAt] = useState<CustomerEditState | null>(null);
  const editing = openedAt !== null && (state === openedAt || state.status === "error");
  const error = editing && state !== openedAt && state.status === "error" ? state : undefined;
  const existingId = typeof error?.extra?.existingId === "string" ? error.extra.existingId : undefined;
  const editable = FIELDS.filter((field) => !personalDataErased || field.name === "externalId");

  return (
    <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 p-4">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id="details-heading" className="text-lg font-semibold">
          Details
        </h2>
        {!editing && (
          <button type="button" className={secondaryButton} onClick={() => setOpenedAt(state)}>
            Edit details
          </button>
        )}
      </div>
      {state.status === "success" && !editing && (
        <p className="sr-only" role="status">
          Details saved.
        </p>
      )}
      {editing ? (
        <form action={dispatch} className="space-y-3" noValidate>
          {error && (
            <Alert tone="error">
              {error.message}
              {existingId && (
                <>
                  {" "}
                  <Link className={textLink} href={`/dashboard/customers/${existingId}`}>
                    Open the customer with this external ID
                  </Link>
                </>
              )}
            </Alert>
          )}
          {editable.map((field) => (
            <Field
              key={field.name}
              {...field}
              defaultValue={error ? error.values[field.name] : (customer[field.name] ?? "")}
              error={error?.field === field.name ? error.message : undefined}
            />
          ))}
          {personalDataErased && (
            <p className="text-sm text-slate-600">
              This customer&apos;s personal data was erased; it cannot be set again.
            </p>
          )}
          <div className="flex gap-2">
            <button type="submit" className={primaryButton} disabled={pending}>
              {pending ? "Saving…" : "Save details"}
            </button>
            <button type="button" className={secondaryButton} onClick={() => setOpenedAt(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
          <div className="contents">
            <dt className="font-medium text-slate-700">ID</dt>
            <dd className="font-mono text-xs wrap-anywhere text-slate-900">{customer.id}</dd>
          </div>
          {FIELDS.map((field) => (
            <div key={field.name} className="contents">
              <dt className="font-medium text-slate-700">{field.label}</dt>
              <dd className="wrap-anywhere text-slate-900" data-field={field.name}>
                {customer[field.name] ?? "—"}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
