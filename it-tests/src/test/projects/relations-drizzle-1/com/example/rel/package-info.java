/**
 * Every kind of relation the processor derives, in the Drizzle 1.0 layout (drizzle-orm 1.0's
 * defineRelations), for Drizzle1RelationalQueriesTest: the models of ../relations, and a post's
 * featured tag, a direct key beside the post_tags join table between the same two tables.
 */
@Schema(
    models = {User.class, Category.class, Post.class, Tag.class, PostTag.class, Note.class},
    layout = MigrationLayout.DRIZZLE_1)
package com.example.rel;

import dev.nanoka.MigrationLayout;
import dev.nanoka.Schema;
