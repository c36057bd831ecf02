// The highlight palette. Kept apart from the zod schemas so client code can use it without shipping zod.
export const ANNOTATION_COLORS = ["yellow", "green", "blue", "pink", "purple"] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];
