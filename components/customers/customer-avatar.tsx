import { AvatarBadge, type AvatarLook } from "@/components/customers/avatar-badge";
import { avatarColor, avatarInitials } from "@/lib/customers/presentation";

type AvatarCustomer = { id: string; name: string | null; email: string | null };

/** The avatar's initials and colors for a customer. */
export function avatarLook(customer: AvatarCustomer): AvatarLook {
  const { background, foreground } = avatarColor(customer.id);
  return { initials: avatarInitials(customer), background, foreground };
}

/** A round avatar with the customer's initials (or a neutral glyph), its color stable per customer. */
export function CustomerAvatar({ customer, size = "md" }: { customer: AvatarCustomer; size?: "md" | "lg" }) {
  return <AvatarBadge look={avatarLook(customer)} size={size} />;
}
