package com.example.shop;

import dev.nanoka.runtime.MigrationIndex;
import java.util.List;

/**
 * The migrations of this schema, packaged as resources by Nanoka's annotation processor.
 *
 * <pre>{@code
 * Migrator.forUrl(url).source(MigrationSource.index(NanokaMigrations.INSTANCE)).migrate();
 * }</pre>
 */
public final class NanokaMigrations implements MigrationIndex {
  public static final NanokaMigrations INSTANCE = new NanokaMigrations();

  private static final List<String> FILES = List.of("0000_create_customers_products_orders_order_and_more.sql");

  private static final List<String> CHECKSUMS = List.of("ca6a2d9f426dde170940771278d5bf6cbb480513072107500b4e040784677f01");

  private NanokaMigrations() {
  }

  @Override
  public String resourceFolder() {
    return "nanoka/migrations/com/example/shop";
  }

  @Override
  public List<String> files() {
    return FILES;
  }

  @Override
  public List<String> checksums() {
    return CHECKSUMS;
  }
}
