"use client";
// The metadata panel: a key/value table, edited inline (add, change, remove rows) and saved as one
// PATCH of the whole map. The inputs carry the API's limits; the server checks them again and an
// error names the key it is about.
import { startTransition, useState } from "react";
import type { CustomerEditState } from "@/app/dashboard/customers/[id]/actions";
import { EditPanelButtons, EditPanelHeader } from "@/components/customers/edit-panel";
import { useInlineEdit } from "@/components/customers/use-inline-edit";
import { Alert } from "@/components/ui/alert";
import { secondaryButton } from "@/components/ui/styles";
import { METADATA_KEY_MAX, METADATA_MAX_KEYS, METADATA_VALUE_MAX } from "@/lib/customers/fields";

type Row = { id: number; key: string; value: string };

const input =
  "block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-sm focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600 focus:outline-none aria-invalid:border-red-600";

export function MetadataEditor({
  metadata,
  action,
}: {
  metadata: Record<string, string>;
  action: (state: CustomerEditState, formData: FormData) => Promise<CustomerEditState>;
}) {
  const { dispatch, pending, editing, error, open, close } = useInlineEdit(action);
  const [rows, setRows] = useState<Row[]>([]);
  const badKey = error?.field?.startsWith("metadata.") ? error.field.slice("metadata.".length) : undefined;
  const entries = Object.entries(metadata);

  const startEditing = () => {
    setRows(entries.map(([key, value], id) => ({ id, key, value })));
    open();
  };
  const change = (id: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const add = () =>
    setRows((current) => [
      ...current,
      { id: Math.max(-1, ...current.map((row) => row.id)) + 1, key: "", value: "" },
    ]);
  const remove = (id: number) => setRows((current) => current.filter((row) => row.id !== id));

  return (
    <section aria-labelledby="metadata-heading" className="rounded-lg border border-slate-200 p-4">
      <EditPanelHeader
        id="metadata-heading"
        title="Metadata"
        editLabel="Edit metadata"
        editing={editing}
        onEdit={startEditing}
      />
      {editing ? (
        <form
          className="space-y-3"
          noValidate
          // Dispatched by hand rather than through `action`, so React does not reset the rows.
          onSubmit={(event) => {
            event.preventDefault();
            const formData = new FormData(event.currentTarget);
            startTransition(() => dispatch(formData));
          }}
        >
          {error && <Alert tone="error">{error.message}</Alert>}
          {rows.length === 0 && (
            <p className="text-sm text-slate-600">No entries. Add one, or save to clear.</p>
          )}
          <ul className="space-y-2">
            {rows.map((row, index) => {
              const invalid = badKey !== undefined && row.key === badKey;
              return (
                <li key={row.id} className="grid grid-cols-[1fr_2fr_auto] items-start gap-2">
                  <label className="sr-only" htmlFor={`metadata-key-${row.id}`}>
                    Key {index + 1}
                  </label>
                  <input
                    id={`metadata-key-${row.id}`}
                    name="metadataKey"
                    className={`${input} font-mono`}
                    placeholder="key"
                    maxLength={METADATA_KEY_MAX}
                    value={row.key}
                    aria-invalid={invalid || undefined}
                    onChange={(event) => change(row.id, { key: event.target.value })}
                  />
                  <label className="sr-only" htmlFor={`metadata-value-${row.id}`}>
                    Value {index + 1}
                  </label>
                  <input
                    id={`metadata-value-${row.id}`}
                    name="metadataValue"
                    className={input}
                    placeholder="value"
                    maxLength={METADATA_VALUE_MAX}
                    value={row.value}
                    aria-invalid={invalid || undefined}
                    onChange={(event) => change(row.id, { value: event.target.value })}
                  />
                  <button
                    type="button"
                    className={secondaryButton}
                    aria-label={`Remove ${row.key || `entry ${index + 1}`}`}
                    onClick={() => remove(row.id)}
                  >
                    Remove
                  </button>
                </li>
              );
            })}
          </ul>
          <p className="text-xs text-slate-600">
            Up to {METADATA_MAX_KEYS} entries; keys 1–{METADATA_KEY_MAX} characters without [ or ], values up
            to {METADATA_VALUE_MAX} characters, stored exactly as typed.
          </p>
          <EditPanelButtons saveLabel="Save metadata" pending={pending} onCancel={close}>
            <button
              type="button"
              className={secondaryButton}
              onClick={add}
              disabled={rows.length >= METADATA_MAX_KEYS}
            >
              Add entry
            </button>
          </EditPanelButtons>
        </form>
      ) : entries.length === 0 ? (
        <p className="text-sm text-slate-600">No metadata.</p>
      ) : (
        <table className="w-full table-fixed text-sm">
          <caption className="sr-only">Metadata</caption>
          <thead>
            <tr>
              <th scope="col" className="w-1/3 pr-4 pb-1 text-left font-medium text-slate-700">
                Key
              </th>
              <th scope="col" className="pb-1 text-left font-medium text-slate-700">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([key, value]) => (
              <tr key={key} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-4 font-mono wrap-anywhere">{key}</td>
                <td className="py-1 wrap-anywhere whitespace-pre-wrap">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
