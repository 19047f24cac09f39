package com.example.tracker;

import dev.nanoka.Field;
import dev.nanoka.Model;
import dev.nanoka.ReferentialAction;

/**
 * Deleting a task deletes its links; a label cannot be deleted while tasks carry it (NO ACTION,
 * the default), so a rebuild of labels that dropped its rows would fail outright on D1.
 */
@Model(value = "task_labels", primaryKey = {"taskId", "labelId"})
public record TaskLabel(
    @Field(references = Task.class, onDelete = ReferentialAction.CASCADE) long taskId,
    @Field(references = Label.class) long labelId) {}
