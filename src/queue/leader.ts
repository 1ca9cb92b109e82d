/**
 * One leader among many processes of a PostgreSQL store (`dyad watch`): a session-level advisory
 * lock held on a connection of its own. The lock goes with the session, so when the leader exits
 * or dies the next process that asks becomes leader; two processes never lead at once.
 */
import pg from 'pg';
import { pgTarget, pgError } from '../store/pg.js';

export class Leader {
  private leading = false;
  private constructor(
    private readonly client: pg.Client,
    private readonly key: string,
  ) {}

  /** `name` tells what is led (e.g. 'watch'); the lock is per store schema and name. */
  static async open(url: string, name: string): Promise<Leader> {
    const t = pgTarget(url);
    const client = new pg.Client({ connectionString: t.connectionString, application_name: `dyad-${name}` });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (e) {
      throw pgError(t, e, 'could not connect');
    }
    return new Leader(client, `dyad-${name}:${t.schema}`);
  }

  /** True when this process leads (it then keeps leading until it closes). */
  async tryLead(): Promise<boolean> {
    if (this.leading) return true;
    const r = await this.client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [this.key]);
    this.leading = r.rows[0]?.ok === true;
    return this.leading;
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
