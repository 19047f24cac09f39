// onRowUpdate on a local Cloudflare D1 (Miniflare, the SQLite of `wrangler --local`) through
// drizzle-orm/d1: OnRowUpdateD1Test copies this next to the schema.ts and migrations the
// processor wrote, type-checks it with tsc and runs it with node. Drizzle's update sets the
// column itself ($onUpdate); a raw D1 statement that leaves it alone gets it from the trigger;
// one that sets it keeps its value.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { Miniflare } from 'miniflare'
import { drizzle } from 'drizzle-orm/d1'
import { migrate } from 'drizzle-orm/d1/migrator'
import { eq } from 'drizzle-orm'
import * as schema from './schema'

async function main() {
  const worker = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response() } }',
    d1Databases: { DB: 'on-update' },
  })
  try {
    await checks(worker)
  } finally {
    await worker.dispose()
  }
  console.log('on update: all checks passed')
}

async function checks(worker: Miniflare) {
  const d1 = await worker.getD1Database('DB')
  const db = drizzle(d1, { schema })
  await migrate(db, { migrationsFolder: path.join(__dirname, '..', 'migrations') })
  const { posts } = schema
  const old = new Date(1_000_000)
  const oldSeconds = new Date(1_000_000_000)

  const recursive = await d1.prepare('PRAGMA recursive_triggers').first()
  console.log('recursive_triggers on D1:', JSON.stringify(recursive))

  await db.insert(posts).values({ id: 1, title: 'a', updatedAt: old, seenAt: oldSeconds })
  const start = Date.now()

  // Drizzle's own update: $onUpdate puts the value in the statement, the trigger leaves it
  await db.update(posts).set({ title: 'b' }).where(eq(posts.id, 1))
  let row = (await db.select().from(posts).where(eq(posts.id, 1)))[0]
  assert.ok(row.updatedAt.getTime() >= start - 2000, `drizzle update: ${row.updatedAt.getTime()}`)
  assert.ok(row.seenAt !== null && row.seenAt.getTime() > oldSeconds.getTime())

  // a value set on purpose is kept
  await db.update(posts).set({ title: 'c', updatedAt: old, seenAt: oldSeconds })
    .where(eq(posts.id, 1))
  row = (await db.select().from(posts).where(eq(posts.id, 1)))[0]
  assert.equal(row.updatedAt.getTime(), old.getTime())
  assert.equal(row.seenAt?.getTime(), oldSeconds.getTime())

  // plain SQL through the D1 binding, as a Worker without Drizzle writes it: the trigger stamps
  await d1.prepare("UPDATE posts SET title = 'd' WHERE id = 1").run()
  row = (await db.select().from(posts).where(eq(posts.id, 1)))[0]
  assert.ok(row.updatedAt.getTime() >= start - 2000, `raw update: ${row.updatedAt.getTime()}`)
  assert.ok(row.seenAt !== null && row.seenAt.getTime() > oldSeconds.getTime())
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
