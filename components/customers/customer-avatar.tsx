import { avatarColor, avatarInitials } from "@/lib/customers/presentation";

type AvatarCustomer = { id: string; name: string | null; email: string | null };

/** A round avatar with the customer's initials (or a neutral glyph), its color stable per customer. */
export function CustomerAvatar({ customer, size = "md" }: { customer: AvatarCustomer; size?: "md" | "lg" }) {
  const initials = avatarInitials(customer);
  const { background, foreground } = avatarColor(customer.id);
  return (
    <span
      aria-hidden="true"
      data-testid="avatar"
      className={`avatar avatar-${size}`}
      style={{ backgroundColor: background, color: foreground }}
    >
      {initials ?? (
        <svg viewBox="0 0 20 20" fill="currentColor" className="h-1/2 w-1/2" data-testid="avatar-glyph">
          <path d="M10 10a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0H3Z" />
        </svg>
      )}
    </span>
  );
}
