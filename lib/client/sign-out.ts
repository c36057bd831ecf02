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

// Signs out every browser signed in to this account (this one too), then this one.
export async function signOutEverywhere(): Promise<void> {
  try {
    await fetch("/api/v1/me/sessions", { method: "DELETE" });
  } finally {
    await signOut();
  }
}
