// A dashboard session for benchmarks, got the way a browser without JavaScript gets one: the /login
// page's form, posted with the server action's hidden fields (React renders them for progressive
// enhancement), through signInAction → better-auth. Returns the Cookie header to send.

const ENTITIES: Record<string, string> = {
  "&quot;": '"',
  "&amp;": "&",
  "&#x27;": "'",
  "&lt;": "<",
  "&gt;": ">",
};

function attribute(tag: string, name: string): string | undefined {
  const match = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return match?.[1].replace(/&(quot|amp|#x27|lt|gt);/g, (entity) => ENTITIES[entity]);
}

export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${baseUrl}/login`);
  if (!page.ok) throw new Error(`GET /login answered ${page.status}`);
  const form = new FormData();
  for (const [tag] of (await page.text()).matchAll(/<input[^>]*>/g)) {
    const name = attribute(tag, "name");
    if (name?.startsWith("$ACTION")) form.append(name, attribute(tag, "value") ?? "");
  }
  form.append("email", email);
  form.append("password", password);
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: form,
    headers: { Origin: baseUrl },
    redirect: "manual",
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  if (!cookies.some((cookie) => cookie.includes("session_token"))) {
    throw new Error(`Sign-in set no session cookie (status ${response.status}): ${await response.text()}`);
  }
  return cookies.join("; ");
}
