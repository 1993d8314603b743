// A customer form's refusal, in the API's words; a taken externalId (409 with existingId) links the
// customer holding it.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { textLink } from "@/components/ui/styles";

export function FormErrorAlert({
  error,
  holderLink = "Open that customer",
}: {
  error: { message: string; extra?: Record<string, unknown> };
  holderLink?: string;
}) {
  const existingId = typeof error.extra?.existingId === "string" ? error.extra.existingId : undefined;
  return (
    <Alert tone="error">
      {error.message}
      {existingId && (
        <>
          {" "}
          <Link className={textLink} href={`/dashboard/customers/${existingId}`}>
            {holderLink}
          </Link>
        </>
      )}
    </Alert>
  );
}
