// Hands text built in the browser to the user as a CSV download; nothing goes to the server.

export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to start the download; then the text can be collected.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "customers.csv" → "customers-failed-rows.csv". */
export function reportName(fileName: string, suffix: string): string {
  return `${fileName.replace(/\.csv$/i, "")}-${suffix}.csv`;
}
