/** Version 5: the assignee becomes a foreign key; the estimate becomes optional. */
@Schema(
    version = 5,
    models = {
      User.class, Project.class, Task.class, Comment.class, LegacySession.class, Label.class,
      TaskLabel.class
    })
package com.example.tracker;

import dev.nanoka.Schema;
