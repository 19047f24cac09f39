/** Every kind of relation the processor derives, for the relational-query it-test. */
@Schema(models = {User.class, Category.class, Post.class, Tag.class, PostTag.class, Note.class})
package com.example.rel;

import dev.nanoka.Schema;
