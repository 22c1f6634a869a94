import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase, DATABASE_KINDS, postgresAdminUrl } from '../testing/databases';
import { openDatabase } from './client';
import type { Database } from './client';
import { applyMigrations, listMigrations, MIGRATIONS_DIR } from './migrate';
import { doctorGrants } from './schema';

describe.each(DATABASE_KINDS)('database layer on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it('applies every migration once and records it', async () => {
    const rows = await database.runner.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
    expect(await applyMigrations(database.runner)).toEqual([]);
  });

  if (kind === 'postgres') {
    it('lets several instances start together on an empty database (each migration applied once)', async () => {
      const adminUrl = postgresAdminUrl();
      const name = `t_race_${Date.now()}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
      const opened = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ url })));
      const rows = await opened[0]!.runner.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
      await Promise.all(opened.map((d) => d.close()));
    });
  }

  it('stores and reads rows through Drizzle', async () => {
    const id = crypto.randomUUID();
    await database.db.insert(doctorGrants).values({
      id,
      hospitalCode: '11535',
      licenceNumber: '12345',
      nameTh: 'ทดสอบ',
      nameEn: 'Test',
      role: 'doctor',
      status: 'active',
      createdBy: 'test',
    });
    const [row] = await database.db.select().from(doctorGrants).where(eq(doctorGrants.id, id));
    expect(row).toMatchObject({ hospitalCode: '11535', licenceNumber: '12345', role: 'doctor', status: 'active' });
    expect(row?.createdAt).toBeInstanceOf(Date);
  });

  it('enforces constraints in the database itself', async () => {
    await expect(
      database.db.insert(doctorGrants).values({
        id: crypto.randomUUID(),
        hospitalCode: 'ABC',
        licenceNumber: '12345',
        nameTh: 'x',
        nameEn: 'x',
        role: 'doctor',
        status: 'active',
        createdBy: 't',
      }),
    ).rejects.toThrow();
  });

  it('refuses to update or delete audit rows', async () => {
    await database.runner.query(
      "INSERT INTO audit_log (seq, id, at, actor_type, action, outcome, prev_hash, hash) VALUES (1, $1, now(), 'system', 'test', 'success', 'x', 'y')",
      [crypto.randomUUID()],
    );
    await expect(database.runner.query("UPDATE audit_log SET action = 'edited'")).rejects.toThrow(/append-only/);
    await expect(database.runner.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const count = await database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log`);
    expect(JSON.stringify(count)).toContain('1');
  });

  it('rolls back a failing migration completely and stops', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mig-'));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      writeFileSync(path.join(dir, '9999_broken.sql'), 'CREATE TABLE half_done (id int); SELECT no_such_function();');
      await expect(applyMigrations(database.runner, dir)).rejects.toThrow(/9999_broken.sql failed and was rolled back/);
      const tables = await database.runner.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
      expect(tables).toHaveLength(0);
      const versions = await database.runner.query("SELECT 1 FROM schema_migrations WHERE version = '9999'");
      expect(versions).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
