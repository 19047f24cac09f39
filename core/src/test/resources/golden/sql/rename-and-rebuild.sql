ALTER TABLE `users` RENAME TO `accounts`;--> statement-breakpoint
ALTER TABLE `accounts` RENAME COLUMN "name" TO "displayName";--> statement-breakpoint
-- Rebuild accounts: SQLite cannot ALTER this change. Rows are copied; nothing is deleted.
-- Data loss: makes accounts.displayName NOT NULL; rows holding NULL there get its default ''
CREATE TABLE `__new_accounts` (
	`id` integer PRIMARY KEY NOT NULL,
	`displayName` text DEFAULT '' NOT NULL,
	`email` text,
	`role` text DEFAULT 'member' NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts`;--> statement-breakpoint
DROP TABLE `accounts`;--> statement-breakpoint
ALTER TABLE `__new_accounts` RENAME TO `accounts`;--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_email_unique` ON `accounts` (`email`);