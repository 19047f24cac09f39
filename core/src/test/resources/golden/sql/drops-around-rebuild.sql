-- Data loss: drops table logs and all its rows
DROP TABLE `logs`;--> statement-breakpoint
-- Rebuild players: SQLite cannot ALTER this change. Rows are copied; nothing is deleted.
CREATE TABLE `__new_players` (
	`id` integer PRIMARY KEY NOT NULL,
	`teamId` integer
);
--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players`;--> statement-breakpoint
DROP TABLE `players`;--> statement-breakpoint
ALTER TABLE `__new_players` RENAME TO `players`;--> statement-breakpoint
-- Data loss: drops table teams and all its rows
DROP TABLE `teams`;