/** The skeleton a dashboard page shows while its data loads. */
export function PageLoading() {
  return (
    <div aria-busy="true" aria-label="Loading" className="space-y-3">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-4 w-full max-w-lg animate-pulse rounded bg-slate-200" />
      <div className="h-40 w-full animate-pulse rounded bg-slate-100" />
    </div>
  );
}
