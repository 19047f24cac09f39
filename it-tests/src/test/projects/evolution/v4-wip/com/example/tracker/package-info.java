/** Version 4, work in progress: the budget becomes a double. */
@Schema(
    version = 4,
    models = {
      User.class, Project.class, Task.class, Comment.class, LegacySession.class, Label.class,
      TaskLabel.class
    })
package com.example.tracker;

import dev.nanoka.Schema;
