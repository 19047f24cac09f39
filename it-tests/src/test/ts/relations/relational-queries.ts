// Drizzle's relational queries over the relations Nanoka generated, on a real database: a local
// Cloudflare D1 (Miniflare, the SQLite that `wrangler --local` runs) through drizzle-orm/d1, as a
// Worker uses it. RelationalQueriesTest copies this file next to the schema.ts and migrations the
// processor wrote, type-checks it with tsc (the result types below must hold exactly), then runs
// it with node: it applies the migrations with drizzle-orm's own D1 migrator, inserts rows and
// checks what every kind of relation returns.
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
}
type Category = { id: number; name: string; parentId: number | null }
type Tag = { id: number; name: string }

async function main() {
  const worker = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response() } }',
    d1Databases: { DB: 'relational-queries' },
  })
  try {
    await queries(worker)
  } finally {
    await worker.dispose()
  }
  console.log('relational queries: all checks passed')
}

async function queries(worker: Miniflare) {
  const db = drizzle(await worker.getD1Database('DB'), { schema })
  // The migrations folder as the processor wrote it, applied the way a Drizzle user applies it.
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
  await db.insert(posts).values([
    { id: 10, title: 'Records', authorId: 'ann', editorId: 'bob', categoryId: 2 },
    { id: 11, title: 'Drizzle', authorId: 'bob', editorId: null, categoryId: 3 },
    { id: 12, title: 'Drafts', authorId: 'ann', editorId: 'ann', categoryId: null },
  ])
  // The cycle: a user's favourite post, written once the post exists.
  await db.update(users).set({ favoritePostId: 11 }).where(eq(users.id, 'ann'))
  await db.insert(tags).values([{ id: 100, name: 'orm' }, { id: 101, name: 'sqlite' }])
  await db.insert(postTags).values([
    { postId: 10, tagId: 100 },
    { postId: 10, tagId: 101 },
    { postId: 11, tagId: 100 },
  ])
  await db.insert(notes).values([
    { id: 1000, author: 'typed by hand', authorId: 'bob', defaultId: 10 },
    { id: 1001, author: 'nobody', authorId: 'ann', defaultId: null },
  ])

  // one, with a key Drizzle pairs by relationName (two keys from posts to users), and many back.
  const post = await db.query.posts.findFirst({
    where: (p, { eq }) => eq(p.id, 10),
    with: { author: true, editor: true, category: true },
  })
  type PostWith = NonNullable<typeof post>
  type _post = [
    Expect<Equal<PostWith['author'], User>>,
    Expect<Equal<PostWith['editor'], User | null>>,
    Expect<Equal<PostWith['category'], Category | null>>,
  ]
  assert.deepEqual(post, {
    id: 10, title: 'Records', authorId: 'ann', editorId: 'bob', categoryId: 2,
    author: { id: 'ann', name: 'Ann', favoritePostId: 11 },
    editor: { id: 'bob', name: 'Bob', favoritePostId: null },
    category: { id: 2, name: 'Java', parentId: 1 },
  })
  const unedited = await db.query.posts.findFirst({
    where: (p, { eq }) => eq(p.id, 11), columns: { id: true }, with: { editor: true },
  })
  assert.deepEqual(unedited, { id: 11, editor: null })

  const people = await db.query.users.findMany({
    orderBy: (u, { asc }) => [asc(u.id)],
    columns: { id: true },
    with: {
      postsByAuthor: { columns: { id: true }, orderBy: (p, { asc }) => [asc(p.id)] },
      postsByEditor: { columns: { id: true }, orderBy: (p, { asc }) => [asc(p.id)] },
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
    orderBy: (c, { asc }) => [asc(c.id)],
    columns: { name: true },
    with: {
      parent: { columns: { name: true } },
      categories: { columns: { name: true }, orderBy: (c, { asc }) => [asc(c.id)] },
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

  // Many to many through the join table (composite primary key), from both ends.
  const tagged = await db.query.posts.findMany({
    orderBy: (p, { asc }) => [asc(p.id)],
    columns: { title: true },
    with: { postTags: { columns: {}, with: { tag: true }, orderBy: (pt, { asc }) => [asc(pt.tagId)] } },
  })
  type _tagged = [
    Expect<Equal<(typeof tagged)[number]['postTags'][number]['tag'], Tag>>,
  ]
  assert.deepEqual(tagged.map(p => [p.title, p.postTags.map(pt => pt.tag.name)]), [
    ['Records', ['orm', 'sqlite']],
    ['Drizzle', ['orm']],
    ['Drafts', []],
  ])
  const byTag = await db.query.tags.findMany({
    orderBy: (t, { asc }) => [asc(t.id)],
    with: { postTags: { with: { post: true }, orderBy: (pt, { asc }) => [asc(pt.postId)] } },
  })
  type _byTag = [
    Expect<Equal<(typeof byTag)[number]['postTags'][number]['post'], Post>>,
  ]
  assert.deepEqual(byTag.map(t => [t.name, t.postTags.map(pt => pt.post.title)]), [
    ['orm', ['Records', 'Drizzle']],
    ['sqlite', ['Records']],
  ])

  // Hostile names: the column `author` stays a column, its relation is `authorUser`; the
  // relation named by the reserved word `default` works as a key.
  const written = await db.query.notes.findMany({
    orderBy: (n, { asc }) => [asc(n.id)],
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
    orderBy: (u, { asc }) => [asc(u.id)],
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

  const commented = await db.query.posts.findFirst({
    where: (p, { eq }) => eq(p.id, 10), columns: {}, with: { notes: { columns: { id: true } } },
  })
  assert.deepEqual(commented, { notes: [{ id: 1000 }] })
}

main().catch(error => {
  console.error(error)
  process.exit(1)
})
