ALTER TABLE `users` ADD `nickname` text;--> statement-breakpoint
ALTER TABLE `users` ADD `karma` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `ratio` real DEFAULT -0.25;--> statement-breakpoint
ALTER TABLE `users` ADD `active` integer DEFAULT true;--> statement-breakpoint
ALTER TABLE `users` ADD `quote` text DEFAULT 'a''b';