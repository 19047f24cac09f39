/** Version 1: users and their posts. */
@Schema(version = 1, dialect = Dialect.POSTGRESQL, models = {User.class, Post.class})
package com.example.pg;

import dev.nanoka.Dialect;
import dev.nanoka.Schema;
