import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createReportCommand } from '../../adapters/cli/commands/report.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { describeWithService, services } from '../helpers/services.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { captureLogger, featureUse, feedback, NOW, question } from './helpers.js';
import { withSearchPath } from '../helpers/postgres.js';

describeWithService('PostgreSQL', services.databaseUrl, 'PostgreSQL store: outages and the report', (url) => {
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  const schema = `store_faults_${process.pid}`;
  let proxy: TcpProxy;
  let proxiedUrl = '';

  beforeAll(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`CREATE SCHEMA ${schema}`);
    const target = new URL(url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const via = new URL(withSearchPath(url, schema));
    via.port = String(proxy.port);
    proxiedUrl = via.toString();
  });

  afterAll(async () => {
    await proxy?.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  const count = async () => Number((await admin.query(`SELECT COUNT(*) AS n FROM ${schema}.questions`)).rows[0].n);

  it('keeps taking writes while PostgreSQL is down (one warning), writes them when it returns, and stays up', async () => {
    const logger = captureLogger();
    const store = await openPostgresStore({ url: proxiedUrl, retentionDays: 30, logger, now: () => NOW });
    store.recordQuestion(question({ id: 'before' }));
    expect((await store.abstentionRate()).total).toBe(1);

    await proxy.down();
    for (let i = 0; i < 20; i += 1) store.recordQuestion(question({ id: `during-${i}` }));
    store.recordFeatureUse(featureUse({ feature: 'quiz', action: 'answered', platform: 'slack' }));
    store.recordFeedback(feedback({ questionId: 'during-0', vote: 'down' }));
    expect(await store.abstentionRate()).toEqual({ total: 0, abstained: 0, rate: 0 }); // reads give nothing, never throw
    expect(store.healthy).toBe(false);
    expect(logger.warnings.filter((w) => w.msg.startsWith('PostgreSQL store unreachable'))).toHaveLength(1);

    await proxy.up();
    const deadline = Date.now() + 15_000;
    while (((await count()) < 21 || !store.healthy) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await count()).toBe(21);
    expect(store.healthy).toBe(true);
    expect((await store.lowestRated()).map((r) => r.questionId)).toEqual(['during-0']);
    expect(logger.warnings.filter((w) => w.msg.startsWith('PostgreSQL store unreachable'))).toHaveLength(1);
    await store.close();
  });

  it('report reads from PostgreSQL when DATABASE_URL is set', async () => {
    const out: string[] = [];
    const report = createReportCommand({ env: { DATABASE_URL: proxiedUrl }, now: () => NOW + 1000, stdout: (t) => void out.push(t), stderr: () => {} });
    expect(await report.run(['--json', '--days', '7'])).toBe(0);
    const json = JSON.parse(out.join('')) as { store: string; totals: { questions: number }; lowestRated: Array<{ questionId: string }>; featureUse: Array<{ feature: string; action: string; count: number; platforms: unknown[] }> };
    expect(json.store).toBe('ok');
    expect(json.totals.questions).toBe(21);
    expect(json.lowestRated.map((r) => r.questionId)).toEqual(['during-0']);
    // The feature use queued during the outage was written too, and the report reads it from PostgreSQL.
    expect(json.featureUse.filter((l) => l.count > 0)).toEqual([{ feature: 'quiz', action: 'answered', count: 1, users: 1, platforms: [{ platform: 'slack', count: 1 }] }]);
  });
});
