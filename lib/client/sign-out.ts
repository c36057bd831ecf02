// Signs out through next-auth's own endpoints without shipping its client
// library on every page: fetch a CSRF token, post it, go to the sign-in page.
export async function signOut(): Promise<void> {
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
  } finally {
    // A full page load, so no signed-in page stays in the client router cache.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/signin");
  }
}
