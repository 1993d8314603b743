import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">There is nothing at this address.</p>
      <Link className="mt-4 inline-block text-indigo-700 underline" href="/">
        Back to the start
      </Link>
    </main>
  );
}
