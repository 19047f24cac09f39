/** Version 7: projects are renamed to boards. */
@Schema(
    version = 7,
    models = {User.class, Board.class, Task.class, Comment.class, Label.class, TaskLabel.class},
    droppedTables = {"legacy_sessions"})
package com.example.tracker;

import dev.nanoka.Schema;
