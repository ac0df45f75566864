import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` writes the SQL migrations committed in ./drizzle; the app applies them at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './drizzle',
});
