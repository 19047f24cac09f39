/** Version 8: two rebuilds in one migration, users and (below it) tasks. */
@Schema(
    version = 8,
    models = {User.class, Board.class, Task.class, Comment.class, Label.class, TaskLabel.class},
    droppedTables = {"legacy_sessions"})
package com.example.tracker;

import dev.nanoka.Schema;
