// Drizzle ORM on PostgreSQL over the schema.ts the processor wrote for examples/blog-postgres.
// BlogPostgresExampleTest copies this file next to that schema.ts, type-checks it with tsc
// against drizzle-orm's pg-core (the row types below must hold exactly), then runs it with node
// and the `pg` driver against databases the runtime or drizzle-kit migrated:
//   node out/blog-postgres.js write URL   inserts a user, a post, a tag and their link, reads them
//                                         back through the relations
//   node out/blog-postgres.js read URL    finds the rows the Java side wrote (user 'grace')
import assert from 'node:assert/strict'
import { drizzle } from 'drizzle-orm/node-postgres'
import * as schema from './schema'

// Exact type equality (not mere assignability): `string` is not Equal to `string | null`.
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
type Expect<T extends true> = T

type UserRow = typeof schema.users.$inferSelect
type PostRow = typeof schema.posts.$inferSelect
type NewPost = typeof schema.posts.$inferInsert

export type RowChecks = [
  Expect<Equal<UserRow, {
    id: string
    email: string
    name: string
    passwordHash: string
    createdAt: Date
    displayName: string
  }>>,
  Expect<Equal<PostRow['id'], number>>,
  Expect<Equal<PostRow['subtitle'], string | null>>,
  Expect<Equal<PostRow['status'], 'DRAFT' | 'PUBLISHED' | 'ARCHIVED'>>,
  Expect<Equal<PostRow['metadata'], schema.PostMetadata>>,
  Expect<Equal<PostRow['createdAt'], Date>>,
  // serial key, enum default and "now" default: optional on insert
  Expect<Equal<NewPost['id'], number | undefined>>,
  Expect<Equal<NewPost['status'], 'DRAFT' | 'PUBLISHED' | 'ARCHIVED' | undefined>>,
  Expect<Equal<NewPost['createdAt'], Date | undefined>>,
]

type Db = ReturnType<typeof drizzle<typeof schema>>

async function write(db: Db) {
  const { users, posts, tags, postTags } = schema
  await db.insert(users).values({
    id: 'ada',
    email: 'ada@example.com',
    name: 'Ada',
    passwordHash: 'x',
    createdAt: new Date('2024-05-01T10:00:00Z'),
  })
  const [post] = await db.insert(posts).values({
    authorId: 'ada',
    title: 'From drizzle',
    metadata: {
      keywords: ['pg', 'drizzle'],
      readingMinutes: 3,
      links: { source: 'https://example.com' },
      seo: { title: 'Drizzle on PostgreSQL', description: 'written by drizzle-orm' },
    },
  }).returning()
  const [tag] = await db.insert(tags).values({ name: 'typescript' }).returning()
  await db.insert(postTags).values({ postId: post.id, tagId: tag.id })

  const ada = await db.query.users.findFirst({
    where: (u, { eq }) => eq(u.id, 'ada'),
    with: { posts: { with: { postTags: { with: { tag: true } } } } },
  })
  assert.ok(ada)
  assert.equal(ada.displayName, '')
  assert.equal(ada.createdAt.toISOString(), '2024-05-01T10:00:00.000Z')
  assert.equal(ada.posts.length, 1)
  assert.equal(ada.posts[0].status, 'DRAFT')
  assert.ok(ada.posts[0].createdAt instanceof Date)
  assert.deepEqual(ada.posts[0].metadata.keywords, ['pg', 'drizzle'])
  assert.equal(ada.posts[0].postTags[0].tag.name, 'typescript')
  console.log('drizzle write: ok')
}

async function read(db: Db) {
  const grace = await db.query.users.findFirst({
    where: (u, { eq }) => eq(u.id, 'grace'),
    with: { posts: { with: { postTags: { with: { tag: true } } } } },
  })
  assert.ok(grace, 'no user grace: the rows the Java side wrote are gone')
  assert.equal(grace.displayName, 'Grace H.')
  assert.equal(grace.createdAt.toISOString(), '2024-06-01T08:30:00.000Z')
  assert.equal(grace.posts.length, 1)
  const post = grace.posts[0]
  assert.equal(post.title, 'From Java')
  assert.equal(post.subtitle, null)
  assert.equal(post.status, 'PUBLISHED')
  assert.deepEqual(post.metadata, {
    keywords: ['jdbc'],
    readingMinutes: 5,
    links: {},
    seo: { title: 'Java on PostgreSQL', description: 'written over JDBC' },
  })
  assert.deepEqual(post.postTags.map((pt) => pt.tag.name), ['java'])
  console.log('drizzle read: ok')
}

async function main() {
  const [mode, url] = process.argv.slice(2)
  const db = drizzle({ connection: url, schema })
  try {
    if (mode === 'write') {
      await write(db)
    } else if (mode === 'read') {
      await read(db)
    } else {
      throw new Error('usage: blog-postgres.js write|read URL')
    }
  } finally {
    await db.$client.end()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
