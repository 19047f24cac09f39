// Compile-time checks that the generated schema.ts gives Drizzle the row types a TypeScript user
// of the blog example expects. BlogExampleTest copies this file next to the generated schema.ts
// and runs `tsc -p`; nothing here is executed.
import { posts, postTags, tags, users } from './schema';

// Exact type equality (not mere assignability): `string` is not Equal to `string | null`.
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Expect<T extends true> = T;

type UserRow = typeof users.$inferSelect;
type PostRow = typeof posts.$inferSelect;
type NewPost = typeof posts.$inferInsert;
type TagRow = typeof tags.$inferSelect;
type PostTagRow = typeof postTags.$inferSelect;

export type RowChecks = [
  // users: the seed's example, and displayName (schema version 2)
  Expect<Equal<UserRow, {
    id: string;
    email: string;
    name: string;
    passwordHash: string;
    createdAt: Date;
    displayName: string;
  }>>,

  // posts: every kind of column the example uses
  Expect<Equal<PostRow['id'], number>>,
  Expect<Equal<PostRow['authorId'], string>>,
  Expect<Equal<PostRow['subtitle'], string | null>>,
  Expect<Equal<PostRow['status'], 'DRAFT' | 'PUBLISHED' | 'ARCHIVED'>>,
  Expect<Equal<PostRow['createdAt'], Date>>,
  Expect<Equal<PostRow['metadata']['keywords'], string[]>>,
  Expect<Equal<PostRow['metadata']['readingMinutes'], number>>,
  Expect<Equal<PostRow['metadata']['links'], Record<string, string>>>,
  Expect<Equal<PostRow['metadata']['seo'], { title: string; description: string }>>,

  // tags and the join table
  Expect<Equal<TagRow, { id: number; name: string }>>,
  Expect<Equal<PostTagRow, { postId: number; tagId: number }>>,
];

// Inserts: the id, the defaulted status and createdAt, and the nullable subtitle may be left out.
export const minimalPost: NewPost = {
  authorId: 'u1',
  title: 'Hello',
  metadata: {
    keywords: ['drizzle'],
    readingMinutes: 3,
    links: { source: 'https://example.com' },
    seo: { title: 'Hello', description: 'A first post' },
  },
};

// @ts-expect-error title has no default, so an insert must give it
export const withoutTitle: NewPost = { authorId: 'u1', metadata: minimalPost.metadata };

// @ts-expect-error not one of the Status constants
export const unknownStatus: PostRow['status'] = 'DELETED';

// @ts-expect-error authorId references users.id, a text column
export const numericAuthor: NewPost = { ...minimalPost, authorId: 1 };
