// ESLint for every TypeScript file of every workspace (npm run lint, zero warnings). Formatting is Prettier's
// (eslint-config-prettier turns off the rules it owns); Solidity is solhint's and prettier-plugin-solidity's.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "artifacts/**",
      "cache/**",
      "cache_forge/**",
      "coverage/**",
      "out-forge/**",
      "typechain-types/**",
      "deployments/**",
      "frontend/.next/**",
      "frontend/.perf-baseline/**",
      "frontend/public/**",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["frontend/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    // The rules of hooks and complete dependency lists. The React Compiler rules of plugin v7 (purity, refs,
    // set-state-in-effect) are not enabled: the app does not use the compiler (see docs/adr/0006).
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    rules: {
      // `_name` marks a parameter or binding that is deliberately unused (a callback's fixed signature).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  prettier,
);
