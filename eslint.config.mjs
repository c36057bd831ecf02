import next from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      ".data/**",
      ".scratch/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      // The signed-in caller is narrowed by `signedIn(actor)` (lib/policies/authorize-workspace.ts), never asserted.
      "no-restricted-syntax": [
        "error",
        {
          selector: "TSNonNullExpression > Identifier[name='actor']",
          message: "Use signedIn(actor) from lib/policies/authorize-workspace.ts instead of actor!.",
        },
      ],
    },
  },
];

export default config;
