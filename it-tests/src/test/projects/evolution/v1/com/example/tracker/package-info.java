/** Version 1: users own projects, projects hold tasks, tasks have comments; legacy sessions. */
@Schema(
    version = 1,
    models = {User.class, Project.class, Task.class, Comment.class, LegacySession.class})
package com.example.tracker;

import dev.nanoka.Schema;
