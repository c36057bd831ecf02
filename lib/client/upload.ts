import type { ApiResult } from "./api-fetch";

// Sends a multipart form with upload progress (fetch cannot report it), and
// returns the API's JSON or its error envelope like apiFetch does.
export function uploadWithProgress<T>(
  url: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  method = "POST",
): Promise<ApiResult<T>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    // Sent: the server now extracts and stores (small bodies may report no progress at all).
    request.upload.onload = () => onProgress(1);
    request.onload = () => {
      const payload = request.response;
      if (request.status >= 200 && request.status < 300) resolve({ ok: true, data: payload as T });
      else
        resolve({
          ok: false,
          error: payload?.error ?? { code: "unknown", message: `The server answered ${request.status}.` },
        });
    };
    request.onerror = () =>
      resolve({
        ok: false,
        error: { code: "network", message: "Could not reach the server. Check your connection and try again." },
      });
    request.send(form);
  });
}
