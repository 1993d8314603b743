"use client";
import { secondaryButton } from "@/components/ui/styles";

/** The heading of an inline-edited panel, with its Edit button while the panel only shows. */
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
