ALTER TABLE `users` RENAME TO `accounts`;--> statement-breakpoint
ALTER TABLE `accounts` RENAME COLUMN "name" TO "displayName";--> statement-breakpoint
-- Rebuild accounts: SQLite cannot ALTER this change. Its rows are copied; nothing is deleted.
-- Where foreign keys are enforced (always on D1), its rows move in 16 statements of 1/16 of them each (D1 limits the time of a query).
-- Data loss: makes accounts.displayName NOT NULL; rows holding NULL there get its default ''
CREATE TABLE `__new_accounts` (
	`id` integer PRIMARY KEY NOT NULL,
	`displayName` text DEFAULT '' NOT NULL,
	`email` text,
	`role` text DEFAULT 'member' NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, -1);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_accounts`(`id`, `displayName`, `email`) SELECT `id`, coalesce(`displayName`, ''), `email` FROM `accounts` WHERE `id` > (SELECT max(`id`) FROM `__new_accounts`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `accounts`) / 16 + 1, 0);--> statement-breakpoint
DROP TABLE `accounts`;--> statement-breakpoint
ALTER TABLE `__new_accounts` RENAME TO `accounts`;--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_email_unique` ON `accounts` (`email`);