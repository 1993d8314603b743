// The avatar's markup alone, from values worked out beforehand: shared by CustomerAvatar (server) and
// the customer list's rows (a client component, whose avatars are worked out on the server).

/** What an avatar shows: initials (null: a neutral glyph) on a color stable per customer. */
export type AvatarLook = { initials: string | null; background: string; foreground: string };

export function AvatarBadge({ look, size = "md" }: { look: AvatarLook; size?: "md" | "lg" }) {
  const box = size === "lg" ? "h-14 w-14 text-lg" : "h-8 w-8 text-xs";
  return (
    <span
      aria-hidden="true"
      data-testid="avatar"
      className={`inline-flex shrink-0 items-center justify-center rounded-full font-semibold ${box}`}
      style={{ backgroundColor: look.background, color: look.foreground }}
    >
      {look.initials ?? (
        <svg viewBox="0 0 20 20" fill="currentColor" className="h-1/2 w-1/2" data-testid="avatar-glyph">
          <path d="M10 10a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0H3Z" />
        </svg>
      )}
    </span>
  );
}
