package dev.nanoka.processor.model;

import dev.nanoka.core.schema.LogicalType;

/**
 * How one record component is stored.
 *
 * @param type the column's logical type
 * @param scalar the Java value type, which decides what defaults fit
 * @param javaType the Java type as messages show it
 */
public record ColumnMapping(LogicalType type, JavaScalar scalar, String javaType) {}
