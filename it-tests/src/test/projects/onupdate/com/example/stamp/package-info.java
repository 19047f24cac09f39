/** A column every writer stamps on update, for OnRowUpdateD1Test. */
@Schema(models = {Post.class})
package com.example.stamp;

import dev.nanoka.Schema;
