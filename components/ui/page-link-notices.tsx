import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { textLink } from "@/components/ui/styles";

/** A list's `?cursor=` that does not verify: never an error page, a way back to page one instead. */
export function ExpiredPageLink({ firstPage, madeFor }: { firstPage: string; madeFor: string }) {
  return (
    <Alert tone="info">
      <p className="font-medium">This page link has expired or is incomplete.</p>
      <p className="mt-1">
        It may have been cut short when copied, or made for {madeFor}.{" "}
        <Link className={textLink} href={firstPage}>
          Go to the first page
        </Link>
      </p>
    </Alert>
  );
}

/** A valid cursor past the list's end (rows were archived or moved since the link was made). */
export function NoMoreRows({ plural, firstPage }: { plural: string; firstPage: string }) {
  return (
    <Alert tone="info">
      No more {plural} on this page.{" "}
      <Link className={textLink} href={firstPage}>
        First page
      </Link>
    </Alert>
  );
}
