import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { zodFields } from "./respond";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

async function readBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBytes(request, maxBytes));
}

const tooLarge = (maxBytes: number) =>
  new AppError("too_large", `The request body is larger than the limit of ${Math.round(maxBytes / 1024)} KiB.`);

// No request body needs more nesting than this; deeper JSON is refused before
// anything (zod, the NUL check) walks it recursively.
export const MAX_JSON_DEPTH = 64;

// How deeply the arrays and objects in a JSON text nest, found in one pass
// over the text without recursion (brackets inside strings do not count).
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, (depth += 1));
    else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return deepest;
}

// PostgreSQL cannot store NUL in text; refuse it at the edge rather than fail later.
function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === "object")
    return Object.entries(value).some(([key, item]) => key.includes("\u0000") || containsNul(item));
  return false;
}

const nulRefused = () => new AppError("invalid_input", "Text cannot contain NUL (\\u0000) characters.");

// Reads and validates a JSON body. Accepts a missing or text/plain content type
// (scripts often omit it) but refuses form uploads on JSON-only routes.
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")) {
    throw new AppError("unsupported_media_type", "Send this request as JSON (Content-Type: application/json).");
  }
  const text = await readText(request, maxBytes);
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw new AppError("invalid_input", `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  let value: unknown;
  try {
    value = text.trim() === "" ? undefined : JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
  if (value === undefined) throw new AppError("invalid_input", "The request body is empty; send a JSON object.");
  if (containsNul(value)) throw nulRefused();
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AppError("invalid_input", "Some fields are missing or invalid.", zodFields(parsed.error));
  return parsed.data;
}

export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  if (containsNul(params)) throw nulRefused();
  const parsed = schema.safeParse(params);
  if (!parsed.success)
    throw new AppError("invalid_input", "Some query parameters are invalid.", zodFields(parsed.error));
  return parsed.data;
}

export const isMultipart = (request: Request) =>
  (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");

export type Upload = { file: { name: string; type: string; bytes: Uint8Array } | null; fields: Record<string, string> };

// Reads a multipart/form-data body (capped like JSON bodies) into its one file and its text fields.
export async function readUpload(request: Request, maxBytes: number): Promise<Upload> {
  const bytes = await readBytes(request, maxBytes);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), {
      headers: { "content-type": request.headers.get("content-type")! },
    }).formData();
  } catch {
    throw new AppError("invalid_input", "The multipart form data could not be read.");
  }
  if (
    Array.from(form.keys()).some((key) => key.includes("\u0000")) ||
    Array.from(form.values()).some((value) => typeof value === "string" && value.includes("\u0000"))
  )
    throw nulRefused();
  let file: Upload["file"] = null;
  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") fields[name] = value;
    else if (name === "file" && !file)
      file = { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { file, fields };
}
