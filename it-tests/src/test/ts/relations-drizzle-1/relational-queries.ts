// drizzle-orm 1.0's relational queries (RQB v2) over the `defineRelations` Nanoka generated in
// the Drizzle 1.0 layout, on a real database: a local Cloudflare D1 (Miniflare, the SQLite that
// `wrangler --local` runs) through drizzle-orm/d1, as a Worker uses it. Drizzle1RelationalQueries-
// Test copies this file next to the schema.ts and migrations the processor wrote, type-checks it
// with tsc against drizzle-orm 1.0's types (the result types below must hold exactly), then runs
// it with node: drizzle-orm 1.0's own D1 migrator applies the migrations, rows go in, and every
// kind of relation must return them.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { Miniflare } from 'miniflare'
import { drizzle } from 'drizzle-orm/d1'
import { migrate } from 'drizzle-orm/d1/migrator'
import { eq } from 'drizzle-orm'
import * as schema from './schema'

// Exact type equality (not mere assignability): `T` is not Equal to `T | null`.
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
type Expect<T extends true> = T

type User = { id: string; name: string; favoritePostId: number | null }
type Post = {
  id: number
  title: string
  authorId: string
  editorId: string | null
  categoryId: number | null
  featuredTagId: number | null
}
type Category = { id: number; name: string; parentId: number | null }
type Tag = { id: number; name: string }

async function main() {
  const worker = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response() } }',
    d1Databases: { DB: 'relational-queries-drizzle-1' },
  })
  try {
    await queries(worker)
  } finally {
    await worker.dispose()
  }
  console.log('relational queries (drizzle-orm 1.0): all checks passed')
}

async function queries(worker: Miniflare) {
  // The generated defineRelations, passed the way drizzle-orm 1.0 takes it.
  const db = drizzle(await worker.getD1Database('DB'), { relations: schema.relations })
  // The migrations folder as the processor wrote it in the 1.0 layout (<timestamp>_<name>/
  // migration.sql), applied the way a Drizzle user applies it.
  await migrate(db, { migrationsFolder: path.join(__dirname, '..', 'migrations') })

  const { users, categories, posts, tags, postTags, notes } = schema
  await db.insert(users).values([
    { id: 'ann', name: 'Ann', favoritePostId: null },
    { id: 'bob', name: 'Bob', favoritePostId: null },
  ])
  await db.insert(categories).values([
    { id: 1, name: 'Tech', parentId: null },
    { id: 2, name: 'Java', parentId: 1 },
    { id: 3, name: 'TypeScript', parentId: 1 },
  ])
  await db.insert(tags).values([{ id: 100, name: 'orm' }, { id: 101, name: 'sqlite' }])
  await db.insert(posts).values([
    { id: 10, title: 'Records', authorId: 'ann', editorId: 'bob', categoryId: 2,
      featuredTagId: 101 },
    { id: 11, title: 'Drizzle', authorId: 'bob', editorId: null, categoryId: 3,
      featuredTagId: null },
    { id: 12, title: 'Drafts', authorId: 'ann', editorId: 'ann', categoryId: null,
      featuredTagId: 100 },
  ])
  // The cycle: a user's favourite post, written once the post exists.
  await db.update(users).set({ favoritePostId: 11 }).where(eq(users.id, 'ann'))
  await db.insert(postTags).values([
    { postId: 10, tagId: 100 },
    { postId: 10, tagId: 101 },
    { postId: 11, tagId: 100 },
  ])
  await db.insert(notes).values([
    { id: 1000, author: 'typed by hand', authorId: 'bob', defaultId: 10 },
    { id: 1001, author: 'nobody', authorId: 'ann', defaultId: null },
  ])

  // one: a NOT NULL key is `optional: false` (never null), a nullable one may be null; the two
  // keys from posts to users are told apart by their alias.
  const post = await db.query.posts.findFirst({
    where: { id: 10 },
    with: { author: true, editor: true, category: true },
  })
  type PostWith = NonNullable<typeof post>
  type _post = [
    Expect<Equal<PostWith['author'], User>>,
    Expect<Equal<PostWith['editor'], User | null>>,
    Expect<Equal<PostWith['category'], Category | null>>,
  ]
  assert.deepEqual(post, {
    id: 10, title: 'Records', authorId: 'ann', editorId: 'bob', categoryId: 2, featuredTagId: 101,
    author: { id: 'ann', name: 'Ann', favoritePostId: 11 },
    editor: { id: 'bob', name: 'Bob', favoritePostId: null },
    category: { id: 2, name: 'Java', parentId: 1 },
  })
  const unedited = await db.query.posts.findFirst({
    where: { id: 11 }, columns: { id: true }, with: { editor: true },
  })
  assert.deepEqual(unedited, { id: 11, editor: null })

  // many, back along each aliased key, and along a key without alias.
  const people = await db.query.users.findMany({
    orderBy: { id: 'asc' },
    columns: { id: true },
    with: {
      postsByAuthor: { columns: { id: true }, orderBy: { id: 'asc' } },
      postsByEditor: { columns: { id: true }, orderBy: { id: 'asc' } },
      notes: { columns: { id: true } },
    },
  })
  type _people = [
    Expect<Equal<(typeof people)[number]['postsByAuthor'], { id: number }[]>>,
    Expect<Equal<(typeof people)[number]['notes'], { id: number }[]>>,
  ]
  assert.deepEqual(people, [
    { id: 'ann', postsByAuthor: [{ id: 10 }, { id: 12 }], postsByEditor: [{ id: 12 }],
      notes: [{ id: 1001 }] },
    { id: 'bob', postsByAuthor: [{ id: 11 }], postsByEditor: [{ id: 10 }],
      notes: [{ id: 1000 }] },
  ])

  // A self-reference: the parent (one) and the children (many) of the same table.
  const tree = await db.query.categories.findMany({
    orderBy: { id: 'asc' },
    columns: { name: true },
    with: {
      parent: { columns: { name: true } },
      categories: { columns: { name: true }, orderBy: { id: 'asc' } },
      posts: { columns: { title: true } },
    },
  })
  type _tree = [
    Expect<Equal<(typeof tree)[number]['parent'], { name: string } | null>>,
    Expect<Equal<(typeof tree)[number]['categories'], { name: string }[]>>,
  ]
  assert.deepEqual(tree, [
    { name: 'Tech', parent: null, categories: [{ name: 'Java' }, { name: 'TypeScript' }],
      posts: [] },
    { name: 'Java', parent: { name: 'Tech' }, categories: [], posts: [{ title: 'Records' }] },
    { name: 'TypeScript', parent: { name: 'Tech' }, categories: [],
      posts: [{ title: 'Drizzle' }] },
  ])

  // Many to many across the join table in one step (`through`), from both ends; beside it the
  // direct key posts.featuredTagId between the same two tables, which the through relations'
  // alias keeps apart from it.
  const tagged = await db.query.posts.findMany({
    orderBy: { id: 'asc' },
    columns: { title: true },
    with: {
      tags: { columns: { name: true }, orderBy: { id: 'asc' } },
      featuredTag: { columns: { name: true } },
    },
  })
  type _tagged = [
    Expect<Equal<(typeof tagged)[number]['tags'], { name: string }[]>>,
    Expect<Equal<(typeof tagged)[number]['featuredTag'], { name: string } | null>>,
  ]
  assert.deepEqual(tagged, [
    { title: 'Records', tags: [{ name: 'orm' }, { name: 'sqlite' }],
      featuredTag: { name: 'sqlite' } },
    { title: 'Drizzle', tags: [{ name: 'orm' }], featuredTag: null },
    { title: 'Drafts', tags: [], featuredTag: { name: 'orm' } },
  ])
  const byTag = await db.query.tags.findMany({
    orderBy: { id: 'asc' },
    with: {
      postsThroughPostTags: { columns: { title: true }, orderBy: { id: 'asc' } },
      posts: { columns: { title: true }, orderBy: { id: 'asc' } },
    },
  })
  type _byTag = [
    Expect<Equal<(typeof byTag)[number]['postsThroughPostTags'], { title: string }[]>>,
  ]
  assert.deepEqual(byTag, [
    { id: 100, name: 'orm', postsThroughPostTags: [{ title: 'Records' }, { title: 'Drizzle' }],
      posts: [{ title: 'Drafts' }] },
    { id: 101, name: 'sqlite', postsThroughPostTags: [{ title: 'Records' }],
      posts: [{ title: 'Records' }] },
  ])
  // And in two steps over the join table's own relations, as in 0.45; the join table's keys
  // are NOT NULL, so its one-relations are never null.
  const twoSteps = await db.query.tags.findMany({
    orderBy: { id: 'asc' },
    columns: { name: true },
    with: { postTags: { columns: {}, with: { post: true }, orderBy: { postId: 'asc' } } },
  })
  type _twoSteps = [
    Expect<Equal<(typeof twoSteps)[number]['postTags'][number]['post'], Post>>,
  ]
  assert.deepEqual(twoSteps.map(t => [t.name, t.postTags.map(pt => pt.post.title)]), [
    ['orm', ['Records', 'Drizzle']],
    ['sqlite', ['Records']],
  ])

  // Hostile names: the column `author` stays a column, its relation is `authorUser`; the
  // relation named by the reserved word `default` works as a key.
  const written = await db.query.notes.findMany({
    orderBy: { id: 'asc' },
    with: { authorUser: true, default: { columns: { title: true } } },
  })
  type _written = [
    Expect<Equal<(typeof written)[number]['author'], string>>,
    Expect<Equal<(typeof written)[number]['authorUser'], User>>,
    Expect<Equal<(typeof written)[number]['default'], { title: string } | null>>,
  ]
  assert.deepEqual(written, [
    { id: 1000, author: 'typed by hand', authorId: 'bob', defaultId: 10,
      authorUser: { id: 'bob', name: 'Bob', favoritePostId: null },
      default: { title: 'Records' } },
    { id: 1001, author: 'nobody', authorId: 'ann', defaultId: null,
      authorUser: { id: 'ann', name: 'Ann', favoritePostId: 11 }, default: null },
  ])
  // Both ways round the cycle: the favourite post (one) and the users who favour a post (many).
  const fans = await db.query.users.findMany({
    orderBy: { id: 'asc' },
    columns: { id: true },
    with: { favoritePost: { columns: { title: true }, with: { users: { columns: { id: true } } } } },
  })
  type _fans = [
    Expect<Equal<(typeof fans)[number]['favoritePost'],
      { title: string; users: { id: string }[] } | null>>,
  ]
  assert.deepEqual(fans, [
    { id: 'ann', favoritePost: { title: 'Drizzle', users: [{ id: 'ann' }] } },
    { id: 'bob', favoritePost: null },
  ])

  // RQB v2 filters by a relation: the posts whose author is Ann.
  const annsPosts = await db.query.posts.findMany({
    where: { author: { name: 'Ann' } }, orderBy: { id: 'asc' }, columns: { id: true },
  })
  assert.deepEqual(annsPosts, [{ id: 10 }, { id: 12 }])
}

main().catch(error => {
  console.error(error)
  process.exit(1)
})
