// The one way dashboard forms change data (house style 9): a signed-in user, a zod-checked form,
// then the same domain function the API calls. Errors come back as form state, never as a crash:
// an ApiError keeps its message and names its field, exactly as the API would.
import "server-only";
import type { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { apiErrorFromZod } from "@/lib/api/zod-error";
import { getDashboardContext, type DashboardContext } from "@/lib/dashboard/context";

export type ActionState<Result> =
  | { status: "idle" }
  | {
      status: "error";
      message: string;
      field?: string;
      extra?: Record<string, unknown>;
      /** What was submitted, so the form shows it again (React resets a form after its action). */
      values: Record<string, string>;
    }
  | { status: "success"; result: Result };

/** The form's fields as an object: one value per name. Next's own $ACTION_* entries are left out. */
function formFields(formData: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries([...formData].filter(([name]) => !name.startsWith("$")));
}

/**
 * `read` turns the form into the schema's input when one value per name is not enough (e.g. the
 * metadata editor's repeated key and value inputs); an ApiError it throws is a form error too.
 */
export function dashboardAction<Schema extends z.ZodType, Result>(
  schema: Schema,
  run: (input: z.output<Schema>, context: DashboardContext) => Promise<Result>,
  read: (formData: FormData) => unknown = formFields,
) {
  return async (_previous: ActionState<Result>, formData: FormData): Promise<ActionState<Result>> => {
    const context = await getDashboardContext();
    const fields = formFields(formData);
    try {
      const parsed = schema.safeParse(read(formData));
      if (!parsed.success) throw apiErrorFromZod(parsed.error);
      return { status: "success", result: await run(parsed.data, context) };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      const values = Object.fromEntries(
        Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
      );
      return { status: "error", message: error.message, field: error.param, extra: error.extra, values };
    }
  };
}
