CREATE TABLE `edges` (
	`a` integer NOT NULL,
	`b` text NOT NULL,
	`fromA` integer,
	`fromB` text,
	PRIMARY KEY(`a`, `b`),
	FOREIGN KEY (`fromA`,`fromB`) REFERENCES `edges`(`a`,`b`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `likes` (
	`userId` integer NOT NULL,
	`postId` integer NOT NULL,
	`note` text,
	PRIMARY KEY(`userId`, `postId`),
	FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON UPDATE cascade ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`authorId` integer NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	FOREIGN KEY (`authorId`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `posts_author_idx` ON `posts` (`authorId`,`title`);--> statement-breakpoint
CREATE UNIQUE INDEX `posts_title_uq` ON `posts` (`title`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`score` real DEFAULT 1.5,
	`flag` integer DEFAULT false NOT NULL,
	`created` integer DEFAULT (unixepoch()) NOT NULL,
	`motto` text DEFAULT 'it''s',
	`neg` integer DEFAULT -3,
	`amount` numeric,
	`data` blob
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);