export default function HomePage() {
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 px-6 py-16">
      <h1 className="text-3xl font-semibold">Plugipay</h1>
      <p className="text-slate-600">
        The address book under every payment, subscription and invoice. Integrators use the REST API at{" "}
        <code className="rounded bg-slate-100 px-1">/api/v1</code>; merchants use the dashboard.
      </p>
      <ul className="flex gap-4">
        <li>
          <a className="text-indigo-700 underline" href="/api/health">
            API health
          </a>
        </li>
      </ul>
    </main>
  );
}
