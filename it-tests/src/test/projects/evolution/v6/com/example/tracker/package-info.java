/** Version 6: legacy sessions dropped, a column dropped, indexes changed. */
@Schema(
    version = 6,
    models = {User.class, Project.class, Task.class, Comment.class, Label.class, TaskLabel.class},
    droppedTables = {"legacy_sessions"})
package com.example.tracker;

import dev.nanoka.Schema;
