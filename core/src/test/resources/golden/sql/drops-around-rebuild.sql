-- Data loss: drops table logs and all its rows
DROP TABLE `logs`;--> statement-breakpoint
-- Rebuild players: SQLite cannot ALTER this change. Its rows are copied; nothing is deleted.
-- Where foreign keys are enforced (always on D1), its rows move in 16 statements of 1/16 of them each (D1 limits the time of a query).
CREATE TABLE `__new_players` (
	`id` integer PRIMARY KEY NOT NULL,
	`teamId` integer
);
--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, -1);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
INSERT INTO `__new_players`(`id`, `teamId`) SELECT `id`, `teamId` FROM `players` WHERE `id` > (SELECT max(`id`) FROM `__new_players`) ORDER BY `id` LIMIT iif((SELECT foreign_keys FROM pragma_foreign_keys), (SELECT count(*) FROM `players`) / 16 + 1, 0);--> statement-breakpoint
DROP TABLE `players`;--> statement-breakpoint
ALTER TABLE `__new_players` RENAME TO `players`;--> statement-breakpoint
-- Data loss: drops table teams and all its rows
DROP TABLE `teams`;