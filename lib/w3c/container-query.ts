import { AppError } from "@/lib/errors";

// The container's query: ?page=N (0-based) names an AnnotationPage, ?iris=1 its IRI-only form.
export function readContainerQuery(params: URLSearchParams): { page: number | null; iris: boolean } {
  const page = params.get("page");
  const iris = params.get("iris");
  if (page !== null && !/^\d{1,9}$/.test(page))
    throw new AppError("invalid_input", "page is a page number (0 for the first).", { page: ["Not a page number."] });
  if (iris !== null && iris !== "0" && iris !== "1")
    throw new AppError("invalid_input", "iris is 1 (contained IRIs) or 0 (descriptions).", { iris: ["Use 1 or 0."] });
  return { page: page === null ? null : Number(page), iris: iris === "1" };
}
