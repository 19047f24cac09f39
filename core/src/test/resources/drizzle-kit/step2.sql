DROP INDEX `posts_title_uq`;--> statement-breakpoint
ALTER TABLE `users` DROP COLUMN `amount`;--> statement-breakpoint
ALTER TABLE `users` DROP COLUMN `nickname`;