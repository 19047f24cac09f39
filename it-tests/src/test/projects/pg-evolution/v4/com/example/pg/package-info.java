/** Version 1: users and their posts. */
@Schema(version = 4, dialect = Dialect.POSTGRESQL, models = {User.class, Post.class}, droppedTables = {"tags", "post_tags"})
package com.example.pg;

import dev.nanoka.Dialect;
import dev.nanoka.Schema;
