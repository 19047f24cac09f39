// A foreign key over two columns, queried through its relations on a local Cloudflare D1
// (Miniflare) with drizzle-orm/d1. RelationalQueriesTest writes schema.ts (the processor's
// renderer) and create.sql (the core's migration renderer) from one schema model, since @Field
// declares one-column keys only; this file is type-checked with tsc, then run with node.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { Miniflare } from 'miniflare'
import { drizzle } from 'drizzle-orm/d1'
import * as schema from './schema'

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
type Expect<T extends true> = T

async function main() {
  const worker = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response() } }',
    d1Databases: { DB: 'composite-key' },
  })
  try {
    await queries(worker)
  } finally {
    await worker.dispose()
  }
  console.log('composite key: all checks passed')
}

async function queries(worker: Miniflare) {
  const d1 = await worker.getD1Database('DB')
  const create = fs.readFileSync(path.join(__dirname, '..', 'create.sql'), 'utf8')
  await d1.batch(create.split('--> statement-breakpoint').map(statement => d1.prepare(statement)))
  const db = drizzle(d1, { schema })
  const { projects, tasks } = schema

  // Project 1 exists in both organisations: only both columns find the right one.
  await db.insert(projects).values([
    { orgId: 1, id: 1, name: 'Alpha' },
    { orgId: 2, id: 1, name: 'Beta' },
  ])
  await db.insert(tasks).values([
    { id: 10, orgId: 2, projectId: 1, title: 'beta task' },
    { id: 11, orgId: 1, projectId: 1, title: 'alpha task' },
    { id: 12, orgId: 1, projectId: 1, title: 'second alpha task' },
  ])

  const found = await db.query.tasks.findMany({
    orderBy: (t, { asc }) => [asc(t.id)],
    columns: { title: true },
    with: { project: { columns: { name: true } } },
  })
  type _found = Expect<Equal<(typeof found)[number]['project'], { name: string }>>
  assert.deepEqual(found, [
    { title: 'beta task', project: { name: 'Beta' } },
    { title: 'alpha task', project: { name: 'Alpha' } },
    { title: 'second alpha task', project: { name: 'Alpha' } },
  ])

  const owning = await db.query.projects.findMany({
    orderBy: (p, { asc }) => [asc(p.orgId)],
    columns: { name: true },
    with: { tasks: { columns: { title: true }, orderBy: (t, { asc }) => [asc(t.id)] } },
  })
  type _owning = Expect<Equal<(typeof owning)[number]['tasks'], { title: string }[]>>
  assert.deepEqual(owning, [
    { name: 'Alpha', tasks: [{ title: 'alpha task' }, { title: 'second alpha task' }] },
    { name: 'Beta', tasks: [{ title: 'beta task' }] },
  ])
}

main().catch(error => {
  console.error(error)
  process.exit(1)
})
