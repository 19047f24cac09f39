-- Rebuild users: SQLite cannot ALTER this change. Rows are copied; rows of tables that reference it are set aside and restored; nothing is deleted.
-- Data loss: makes users.name NOT NULL; rows holding NULL there get its default 'anonymous'
CREATE TABLE `__nanoka_keep_posts` AS SELECT `id`, `authorId`, `title`, `status` FROM `posts`;--> statement-breakpoint
CREATE TABLE `__nanoka_keep_comments` AS SELECT `id`, `postId`, `authorId`, `body` FROM `comments`;--> statement-breakpoint
CREATE TABLE `__nanoka_keep_likes` AS SELECT `userId`, `postId`, `at` FROM `likes`;--> statement-breakpoint
DELETE FROM `likes`;--> statement-breakpoint
DELETE FROM `comments`;--> statement-breakpoint
DELETE FROM `posts`;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text DEFAULT 'anonymous' NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_users`(`id`, `email`, `name`) SELECT `id`, `email`, coalesce(`name`, 'anonymous') FROM `users`;--> statement-breakpoint
DELETE FROM sqlite_sequence WHERE name = '__new_users';--> statement-breakpoint
INSERT INTO sqlite_sequence (name, seq) SELECT '__new_users', seq FROM sqlite_sequence WHERE name = 'users';--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
INSERT INTO `posts`(`id`, `authorId`, `title`, `status`) SELECT `id`, `authorId`, `title`, `status` FROM `__nanoka_keep_posts`;--> statement-breakpoint
DROP TABLE `__nanoka_keep_posts`;--> statement-breakpoint
INSERT INTO `comments`(`id`, `postId`, `authorId`, `body`) SELECT `id`, `postId`, `authorId`, `body` FROM `__nanoka_keep_comments`;--> statement-breakpoint
DROP TABLE `__nanoka_keep_comments`;--> statement-breakpoint
INSERT INTO `likes`(`userId`, `postId`, `at`) SELECT `userId`, `postId`, `at` FROM `__nanoka_keep_likes`;--> statement-breakpoint
DROP TABLE `__nanoka_keep_likes`;--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);