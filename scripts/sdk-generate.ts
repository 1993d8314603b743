// npm run sdk:generate — rewrites the SDK's types from the OpenAPI document.
import { writeFile } from "node:fs/promises";
import { GENERATED_TYPES_PATH, generatedTypes } from "./sdk-types";

await writeFile(GENERATED_TYPES_PATH, await generatedTypes());
console.log(`Wrote ${GENERATED_TYPES_PATH}`);
