// A page's form posted as a browser without JavaScript posts it: the server action's hidden inputs
// read from the page's HTML, then the visible fields. For scripts that hammer /login and /signup.

/** Posts the first form on `pagePath` with `values`, from client address `client` (X-Forwarded-For). */
export async function postPageForm(
  serverUrl: string,
  pagePath: string,
  values: Record<string, string>,
  client: string,
): Promise<Response> {
  const page = await (await fetch(`${serverUrl}${pagePath}`)).text();
  const form = /<form[\s\S]*?<\/form>/.exec(page)![0];
  const fields = new FormData();
  for (const [, name, value = ""] of form.matchAll(
    /<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g,
  )) {
    fields.append(name, value.replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
  }
  for (const [name, value] of Object.entries(values)) fields.set(name, value);
  return fetch(`${serverUrl}${pagePath}`, {
    method: "POST",
    body: fields,
    redirect: "manual",
    headers: { "X-Forwarded-For": client },
  });
}
