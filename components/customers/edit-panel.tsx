"use client";
// The pieces every inline-edited panel of the customer page shares: its heading with the Edit
// button (while it only shows), and its Save / Cancel buttons (while it edits).
import type { ReactNode } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/styles";

export function EditPanelHeader({
  id,
  title,
  editLabel,
  editing,
  onEdit,
}: {
  id: string;
  title: string;
  editLabel: string;
  editing: boolean;
  onEdit: () => void;
}) {
  return (
    <div className="mb-3 flex items-center justify-between gap-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {!editing && (
        <button type="button" className={secondaryButton} onClick={onEdit}>
          {editLabel}
        </button>
      )}
    </div>
  );
}

/** Save and Cancel, after any extra buttons the panel needs (the metadata editor's Add entry). */
export function EditPanelButtons({
  saveLabel,
  pending,
  onCancel,
  children,
}: {
  saveLabel: string;
  pending: boolean;
  onCancel: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {children}
      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? "Saving…" : saveLabel}
      </button>
      <button type="button" className={secondaryButton} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
