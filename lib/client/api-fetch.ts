// Browser-side calls to our own API, returning the error envelope as data.
export type ApiError = { code: string; message: string; fields?: Record<string, string[]>; existingId?: string };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export async function apiFetch<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      // FormData sets its own multipart content type.
      headers:
        init.body === undefined || init.body instanceof FormData ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : init.body instanceof FormData ? init.body : JSON.stringify(init.body),
    });
  } catch {
    return {
      ok: false,
      error: { code: "network", message: "Could not reach the server. Check your connection and try again." },
    };
  }
  if (response.status === 204) return { ok: true, data: undefined as T };
  const payload = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: payload as T };
  return {
    ok: false,
    error: payload?.error ?? { code: "unknown", message: `The server answered ${response.status}.` },
  };
}
