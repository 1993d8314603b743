"use client";
// The customer's details with inline editing: shown as a list, edited in place with the API's
// validation (the action calls updateCustomer), and a 409 on externalId links the customer holding it.
import type { CustomerEditState } from "@/app/dashboard/customers/[id]/actions";
import { FormErrorAlert } from "@/components/customers/form-error-alert";
import { EditPanelButtons, EditPanelHeader } from "@/components/customers/edit-panel";
import { useInlineEdit } from "@/components/customers/use-inline-edit";
import { Field } from "@/components/ui/field";

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
  const { state, dispatch, pending, editing, error, open, close } = useInlineEdit(action);
  const editable = FIELDS.filter((field) => !personalDataErased || field.name === "externalId");

  return (
    <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 p-4">
      <EditPanelHeader
        id="details-heading"
        title="Details"
        editLabel="Edit details"
        editing={editing}
        onEdit={open}
      />
      {state.status === "success" && !editing && (
        <p className="sr-only" role="status">
          Details saved.
        </p>
      )}
      {editing ? (
        <form action={dispatch} className="space-y-3" noValidate>
          {error && <FormErrorAlert error={error} holderLink="Open the customer with this external ID" />}
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
          <EditPanelButtons saveLabel="Save details" pending={pending} onCancel={close} />
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
