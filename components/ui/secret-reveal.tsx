import { CopyButton } from "@/components/ui/copy-button";

/** A secret key shown once, right after it was made: selectable, copyable, never stored by the page. */
export function SecretReveal({ label, secret }: { label: string; secret: string }) {
  return (
    <div>
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <code
          className="min-w-0 flex-1 rounded bg-slate-100 px-2 py-2 font-mono text-sm break-all"
          data-secret-key
        >
          {secret}
        </code>
        <CopyButton text={secret} label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}
