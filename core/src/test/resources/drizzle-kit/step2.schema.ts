import { sqliteTable, text, integer, real, numeric, blob, index, uniqueIndex, primaryKey, foreignKey } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name'),
  score: real('score').default(1.5),
  flag: integer('flag', { mode: 'boolean' }).notNull().default(false),
  created: integer('created').notNull().default(sql`(unixepoch())`),
  motto: text('motto').default("it's"),
  neg: integer('neg').default(-3),
  data: blob('data'),
  karma: integer('karma').notNull().default(0),
  ratio: real('ratio').default(-0.25),
  active: integer('active', { mode: 'boolean' }).default(true),
  quote: text('quote').default("a'b"),
});

export const posts = sqliteTable('posts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  authorId: integer('authorId').notNull().references(() => users.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  status: text('status').notNull().default('draft'),
}, (t) => [index('posts_author_idx').on(t.authorId, t.title)]);

export const likes = sqliteTable('likes', {
  userId: integer('userId').notNull().references(() => users.id, { onDelete: 'set null', onUpdate: 'cascade' }),
  postId: integer('postId').notNull(),
  note: text('note'),
}, (t) => [primaryKey({ columns: [t.userId, t.postId] })]);

export const edges = sqliteTable('edges', {
  a: integer('a').notNull(),
  b: text('b').notNull(),
  fromA: integer('fromA'),
  fromB: text('fromB'),
}, (t) => [primaryKey({ columns: [t.a, t.b] }), foreignKey({ columns: [t.fromA, t.fromB], foreignColumns: [t.a, t.b] }).onDelete('restrict')]);
