/** Version 3: a renamed column and new indexes. */
@Schema(
    version = 3,
    models = {
      User.class, Project.class, Task.class, Comment.class, LegacySession.class, Label.class,
      TaskLabel.class
    })
package com.example.tracker;

import dev.nanoka.Schema;
