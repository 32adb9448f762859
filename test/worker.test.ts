/**
 * `pariscall worker` runs the outbox without the web server: a mail queued while no process runs jobs is delivered
 * (here, written as an .eml file) once the worker starts, and the worker stops cleanly on SIGTERM with the job done.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/app/database/database.js';
import { migrateDatabase } from '../src/app/database/migrate.js';
import { enqueueEmail } from '../src/app/email/email.js';
import { jobs } from '../src/app/jobs/jobs.tables.js';
import { repoRoot } from './helpers/app.js';
import { createTemporaryDatabase, type TemporaryDatabase } from './helpers/database.js';

let temporary: TemporaryDatabase | undefined;
afterAll(async () => temporary?.remove());

describe('pariscall worker', () => {
  it('delivers a queued mail without serving, and stops on SIGTERM', async () => {
    temporary = await createTemporaryDatabase('worker');
    const open = () => openDatabase({ databaseUrl: temporary?.databaseUrl, dataDir: temporary!.dataDir });
    let database = await open();
    await migrateDatabase(database);
    const jobId = await database.db.transaction((tx) =>
      enqueueEmail(tx, { to: 'someone@example.org', locale: 'fr', subject: 'Essai', text: 'Bonjour', html: '<p>Bonjour</p>', tag: 'test' }),
    );
    // The embedded database admits one process: let go of it before the worker opens it.
    await database.close();

    const worker = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'worker'], {
      cwd: repoRoot,
      env: { ...process.env, ...temporary.env, IMPORT_ON_EMPTY: '', LOG_LEVEL: 'silent', SMTP_URL: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    worker.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));

    const eml = path.join(temporary.dataDir, 'outbox', `${jobId}.eml`);
    await expect.poll(() => fs.existsSync(eml), { timeout: 30_000, interval: 250 }).toBe(true);
    expect(fs.readFileSync(eml, 'utf8')).toContain('Subject: Essai');
    worker.kill('SIGTERM');
    expect(await exited, stderr).toBe(0);

    database = await open();
    const [job] = await database.db.select().from(jobs).where(eq(jobs.id, jobId));
    await database.close();
    expect(job?.status).toBe('done');
  }, 60_000);
});
