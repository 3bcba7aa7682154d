import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docIntakeWithWarrant } from '../testing/intake-fixtures.js';
import { TEST_STORES } from '../testing/test-stores.js';
import type { Store } from '../store/open-store.js';
import { verifyAuditLog } from '../services/audit-service.js';
import { deskContext } from '../services/desk-context.js';
import { CONSOLE_ACTOR, createApiToken, createUser } from '../services/user-service.js';
import { loadAuditSigner } from './audit-signer.js';
import { deskConfig } from './desk-config.js';

const auditor = { id: 'auditor', username: 'auditor', role: 'auditor' } as const;

function serve(
  databaseUrl: string,
  dataDir: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['bin/detainer-desk.js', 'serve', '--database', databaseUrl, '--port', '0'],
    {
      env: { ...process.env, DESK_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = / at (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => {
      reject(new Error(`the server exited with ${String(code)}: ${output}`));
    });
  });
}

for (const kind of TEST_STORES) {
  describe(`nothing acknowledged is lost when the server is killed (${kind.name})`, () => {
    let store: Store;
    let url: string;
    let dispose: () => Promise<void>;
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-kill-'));

    before(async () => {
      ({ store, url, dispose } = await kind.open());
    });
    after(async () => {
      await dispose();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('kill -9 during a burst of intakes: every acknowledged intake is stored and the audit log verifies', async () => {
      const ctx = deskContext(store);
      await createUser(ctx, CONSOLE_ACTOR, {
        username: 'feed',
        displayName: 'Feed',
        role: 'clerk',
      });
      const { token } = await createApiToken(ctx, CONSOLE_ACTOR, 'feed', 'burst');
      const server = await serve(url, dataDir);
      const acknowledged: string[] = [];
      let sent = 0;
      let stopped = false;
      const worker = async () => {
        while (!stopped) {
          sent += 1;
          try {
            const response = await fetch(`${server.url}/api/cases?decide=true`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify(docIntakeWithWarrant(`KILL-${String(sent)}`)),
            });
            if (response.status === 201)
              acknowledged.push(((await response.json()) as { id: string }).id);
          } catch {
            return; // the connection died with the server
          }
        }
      };
      const workers = Array.from({ length: 16 }, worker);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      server.child.kill('SIGKILL');
      stopped = true;
      await Promise.all(workers);
      assert.ok(
        acknowledged.length > 10,
        `only ${String(acknowledged.length)} intakes were acknowledged`,
      );

      const stored = await store.db.selectFrom('cases').select('id').execute();
      const storedIds = new Set(stored.map((row) => row.id));
      for (const id of acknowledged)
        assert.ok(storedIds.has(id), `acknowledged case ${id} is missing`);
      const intakes = await store.db
        .selectFrom('auditEntries')
        .select('subject')
        .where('action', '=', 'case.intake')
        .execute();
      assert.equal(intakes.length, stored.length, 'one audit entry per stored case');

      const signer = loadAuditSigner(deskConfig({ dataDir, database: url }));
      const report = await verifyAuditLog(ctx, auditor, signer.verifier);
      assert.equal(report.ok, true, JSON.stringify(report.problems));

      const restarted = await serve(url, dataDir);
      const health = await fetch(`${restarted.url}/api/health`);
      assert.equal(health.status, 200);
      restarted.child.kill('SIGTERM');
    });
  });
}
