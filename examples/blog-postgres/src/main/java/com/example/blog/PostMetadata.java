package com.example.blog;

import java.util.List;
import java.util.Map;

/**
 * Loosely structured data about a post, stored as JSON in one column ({@code @Field(json = true)}
 * on {@link Post#metadata()}). schema.ts gets a matching TypeScript type.
 *
 * @param keywords search keywords, in display order
 * @param readingMinutes estimated reading time
 * @param links related links by label, e.g. {@code "source" -> "https://…"}
 * @param seo what search engines and link previews show
 */
public record PostMetadata(
    List<String> keywords, int readingMinutes, Map<String, String> links, Seo seo) {}
