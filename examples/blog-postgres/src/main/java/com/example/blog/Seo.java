package com.example.blog;

/** Search-engine fields of a post, nested inside {@link PostMetadata}'s JSON. */
public record Seo(String title, String description) {}
