/** Version 4: the budget becomes a double, projects get a description. */
@Schema(
    version = 4,
    models = {
      User.class, Project.class, Task.class, Comment.class, LegacySession.class, Label.class,
      TaskLabel.class
    })
package com.example.tracker;

import dev.nanoka.Schema;
