package dev.nanoka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index over one or more columns of a {@link Model}, named by record component:
 *
 * <pre>{@code
 * @Model("posts")
 * @Index({"authorId", "createdAt"})
 * @Index(value = {"authorId", "slug"}, unique = true)
 * public record Post(...) {}
 * }</pre>
 *
 * <p>The default name is {@code <table>_<col1>_<col2>_idx}, or {@code …_unique} for a unique
 * index, using column names.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Indexes.class)
public @interface Index {

  /** The indexed record components, in index order. */
  String[] value();

  /** A unique index: no two rows may share the indexed values. */
  boolean unique() default false;

  /** The index name; empty derives it (see the class documentation). */
  String name() default "";
}
