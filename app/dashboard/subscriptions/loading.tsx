// A skeleton while the page loads (no loading boundary above: see docs/dashboard.md, "Status codes").
export { PageLoading as default } from "@/components/ui/page-loading";
