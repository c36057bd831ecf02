"use client";

import { useState } from "react";
import type { ApiError, ApiResult } from "@/lib/client/api-fetch";

// Pending and error state around one API call made from a form or button.
export function useApiAction() {
  const [error, setError] = useState<ApiError | null>(null);
  const [isPending, setPending] = useState(false);

  async function run<T>(call: () => Promise<ApiResult<T>>): Promise<T | null> {
    setPending(true);
    setError(null);
    const result = await call();
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    return result.data;
  }

  return { error, isPending, run, setError };
}
