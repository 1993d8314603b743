// Reading a page's URL leniently (house style 6): one value per parameter, trimmed, a repeated
// parameter read as its first value and an empty one as absent, as is one with a NUL character
// (PostgreSQL cannot store or compare one, so it could only fail the page's query). Each page pipes it into its own
// rules and `.catch()`es, so a bad bookmark degrades instead of failing the page.
import { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

export const singleParam = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => {
    const first = (Array.isArray(value) ? value[0] : value)?.trim();
    return first && !first.includes("\u0000") ? first : undefined;
  });
