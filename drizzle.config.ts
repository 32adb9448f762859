import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Every module and every piece of infrastructure declares its own tables in a `*.tables.ts`; nothing gathers them.
  schema: './src/**/*.tables.ts',
  out: './migrations',
});
