// The columns of the customers CSV (spec/api.md, "Export"), in order: what the export writes and
// what the dashboard's import recognises when such a file comes back.
export const CUSTOMER_EXPORT_COLUMNS = [
  "id",
  "externalId",
  "email",
  "name",
  "phone",
  "taxId",
  "createdAt",
  "archivedAt",
  "metadata",
] as const;
