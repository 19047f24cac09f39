-- Rebuild categories: SQLite cannot ALTER this change. Its rows are copied; nothing is deleted.
CREATE TABLE `__new_categories` (
	`id` integer PRIMARY KEY NOT NULL,
	`parentId` integer,
	`name` blob NOT NULL,
	FOREIGN KEY (`parentId`) REFERENCES `__new_categories`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
INSERT INTO `__new_categories`(`id`, `parentId`, `name`) SELECT `id`, `parentId`, `name` FROM `categories`;--> statement-breakpoint
UPDATE `categories` SET `parentId` = `id` WHERE `parentId` IS NOT NULL AND (SELECT foreign_keys FROM pragma_foreign_keys);--> statement-breakpoint
DROP TABLE `categories`;--> statement-breakpoint
ALTER TABLE `__new_categories` RENAME TO `categories`;