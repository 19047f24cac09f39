/** Version 2: labels and the task_labels join table; new user and project columns. */
@Schema(
    version = 2,
    models = {
      User.class, Project.class, Task.class, Comment.class, LegacySession.class, Label.class,
      TaskLabel.class
    })
package com.example.tracker;

import dev.nanoka.Schema;
