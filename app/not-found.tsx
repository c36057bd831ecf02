import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-accent-600">404</p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">Not found</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">
        This page does not exist, or you do not have access to it.
      </p>
      <Link href="/" className={`${buttonClass("secondary")} mt-6`}>
        Go home
      </Link>
    </div>
  );
}
